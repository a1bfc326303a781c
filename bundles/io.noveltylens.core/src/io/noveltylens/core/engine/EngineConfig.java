package io.noveltylens.core.engine;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What a {@link NoveltyEngine} runs with. The IDE builds it from preferences, the CLI from its options; the engine
 * never reads either itself.
 *
 * @param modelDir   a folder with novelty-model.json, the ONNX file and tokenizer.json
 * @param indexDir   the corpus index folder (see IndexBuilder)
 * @param cacheDir   where native libraries are unpacked (the plug-in's state location; the CLI's cache folder)
 * @param k          neighbours per query
 * @param hullBudget time allowed to the hull readouts of one passage
 */
public record EngineConfig(Path modelDir, Path indexDir, Path cacheDir, int k, Duration hullBudget) {

    public static final int DEFAULT_K = 10;
    /**
     * The hull readouts arrive this long after the fast ones at most, so they read as part of the same answer;
     * docs/benchmarks.md measures how much of the depth curve and the distance a budget this size decides.
     */
    public static final Duration DEFAULT_HULL_BUDGET = Duration.ofMillis(300);

    public EngineConfig {
        if (k < 1 || k > 1000) {
            throw new IllegalArgumentException("k must be between 1 and 1000, not " + k);
        }
        if (hullBudget.isNegative() || hullBudget.isZero()) {
            throw new IllegalArgumentException("the hull budget must be positive");
        }
    }
}
