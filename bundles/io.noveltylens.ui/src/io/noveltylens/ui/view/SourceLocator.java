package io.noveltylens.ui.view;

import java.nio.file.Path;

import io.noveltylens.core.NoveltyException;
import io.noveltylens.core.index.SourcePaths;
import io.noveltylens.ui.engine.EngineConfigFactory;

/** Resolves a passage's recorded source to a file, for the index in use (see {@link SourcePaths}). */
final class SourceLocator {

    private final EngineConfigFactory configs;

    SourceLocator(EngineConfigFactory configs) {
        this.configs = configs;
    }

    Path resolve(String source) {
        try {
            return SourcePaths.resolve(configs.indexDir(), source);
        } catch (NoveltyException e) {
            return Path.of(source);
        }
    }
}
