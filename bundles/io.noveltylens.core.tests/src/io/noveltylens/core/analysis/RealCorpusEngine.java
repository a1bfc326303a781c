package io.noveltylens.core.analysis;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import io.noveltylens.core.NoveltyException;
import io.noveltylens.core.Progress;
import io.noveltylens.core.embed.FixtureTexts;
import io.noveltylens.core.embed.TestModels;
import io.noveltylens.core.engine.EngineConfig;
import io.noveltylens.core.engine.NoveltyEngine;

/**
 * A {@link NoveltyEngine} over the {@link RealCorpus} index (Austen and King James), for tests of what is built on
 * the engine (the annotator). Opened once per test JVM, never closed; the JVM's exit frees it.
 */
public final class RealCorpusEngine {

    private static NoveltyEngine engine;

    private RealCorpusEngine() {
    }

    public static synchronized NoveltyEngine get() throws NoveltyException, IOException {
        if (engine == null) {
            RealCorpus.get();
            engine = NoveltyEngine.open(new EngineConfig(TestModels.modelDir(TestModels.FP32),
                    RealCorpus.DIR.resolve("index"), TestModels.cacheDir(), 10, Duration.ofSeconds(2)), Progress.NONE);
        }
        return engine;
    }

    /** The first {@code count} Austen paragraphs of the corpus, verbatim. */
    public static List<String> austen(int count) throws IOException {
        return FixtureTexts.lines("austen-1500").subList(0, count);
    }
}
