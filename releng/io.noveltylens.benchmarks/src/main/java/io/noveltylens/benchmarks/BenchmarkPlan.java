package io.noveltylens.benchmarks;

import java.util.List;

/**
 * How much work each benchmark does. The full plan fits 15 minutes on 2 cores, the quick one 3, when the cores are
 * ours; on cores shared with other builds (load 4-5 on 2 cores while these were sized) everything takes 2-4x longer.
 * Both repeat every figure (never one run) and differ only in sample sizes, repetitions and the corpus sizes tried.
 *
 * @param sentences        real sentences per embedding repetition
 * @param embedRounds      interleaved rounds of the embedding contenders
 * @param indexPassages    passages per indexing repetition
 * @param indexRounds      indexing repetitions (each paired with a pure-embedding one)
 * @param queryRounds      passes over the query set at each corpus size
 * @param selections       one-sentence selections timed for the fast report
 * @param hullSelections   selections timed for the hull readouts
 * @param coldStarts       fresh JVMs started for the cold first call and the memory figures
 * @param hullInstances    queries solved by both Frank-Wolfe and the LP, per corpus size and dimension
 * @param fullDimensionLp  whether the full-dimension LPs (10-20 s each, docs/design.md section 4) are run
 * @param largerSizes      corpus sizes beyond the default corpus, built from its real embeddings plus noise
 */
record BenchmarkPlan(String name, int sentences, int embedRounds, int indexPassages, int indexRounds, int queryRounds,
        int selections, int hullSelections, int coldStarts, int hullInstances, boolean fullDimensionLp,
        List<Integer> largerSizes) {

    static BenchmarkPlan quick() {
        return new BenchmarkPlan("quick", 120, 3, 400, 2, 2, 40, 10, 2, 2, false, List.of());
    }

    static BenchmarkPlan full() {
        return new BenchmarkPlan("full", 320, 4, 1000, 3, 3, 150, 20, 3, 3, true, List.of(100_000));
    }
}
