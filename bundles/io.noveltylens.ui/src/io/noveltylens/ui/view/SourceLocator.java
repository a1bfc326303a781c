package io.noveltylens.ui.view;

import java.net.URI;
import java.nio.file.Path;

import io.noveltylens.core.NoveltyException;
import io.noveltylens.ui.analysis.EngineConfigFactory;

/**
 * Resolves a passage's recorded source to a file. Core records sources under the folder that holds the index relative
 * to that folder (so an index ships beside its corpus, as the default corpus bundle does), others as given.
 */
final class SourceLocator {

    private final EngineConfigFactory configs;

    SourceLocator(EngineConfigFactory configs) {
        this.configs = configs;
    }

    Path resolve(String source) {
        if (source.startsWith("file:")) { //$NON-NLS-1$
            return Path.of(URI.create(source));
        }
        Path path = Path.of(source);
        if (path.isAbsolute()) {
            return path;
        }
        try {
            return configs.indexDir().toAbsolutePath().normalize().getParent().resolve(path);
        } catch (NoveltyException e) {
            return path;
        }
    }
}
