package io.noveltylens.benchmarks;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.noveltylens.benchmarks.ResultTable.Status;
import io.noveltylens.core.Progress;
import io.noveltylens.core.embed.Embedding;
import io.noveltylens.core.embed.ModelDescriptor;
import io.noveltylens.core.engine.EngineConfig;
import io.noveltylens.core.engine.NoveltyEngine;

/**
 * Runs every benchmark of issue 7 once, in a fixed order, and writes the Markdown results. Started by
 * releng/benchmark.sh; arguments: {@code [--quick] [--start-and-hull | --search | --annotate [--passages N]] [--repo DIR]
 * [--out FILE]}.
 */
public final class BenchmarkMain {

    /** Corpus sizes below the default corpus in the size table: a real, evenly spread subset. */
    private static final int SMALL_CORPUS = 10_000;
    /** The query target on the default corpus: recall@10 at least 0.99 at a p50 of at most 1 ms. */
    private static final int TARGET_MAX_P50_MILLIS = 1;
    private static final double TARGET_RECALL = 0.99;

    private BenchmarkMain() {
    }

    public static void main(String[] args) throws Exception {
        List<String> arguments = List.of(args);
        BenchmarkPlan plan = arguments.contains("--quick") ? BenchmarkPlan.quick() : BenchmarkPlan.full();
        Path repository = Path.of(option(arguments, "--repo", "."));
        Path out = Path.of(option(arguments, "--out", "target/benchmark-results.md"));
        BenchmarkPaths paths = BenchmarkPaths.under(repository, Path.of("target", "bench-work").toAbsolutePath());
        System.out.println("[bench] " + Machine.describe());
        System.out.println("[bench] plan " + plan);
        ResultTable table = new ResultTable();
        Instant started = Instant.now();
        long start = System.nanoTime();
        try (LoadSampler load = new LoadSampler()) {
            if (arguments.contains("--start-and-hull")) {
                startAndHull(paths, plan, repository, table);
            } else if (arguments.contains("--annotate")) {
                AnnotationScaleBench.run(paths, Integer.parseInt(option(arguments, "--passages", "20000")), table);
            } else if (arguments.contains("--search")) {
                searchLayouts(paths, plan, table);
            } else {
                everything(paths, plan, table, start);
            }
            double minutes = (System.nanoTime() - start) / 6e10;
            Samples loads = load.summary();
            String header = String.format("## Results of a %s run, %s%n%n- Machine: %s%n- Run time: %.1f min; 1-minute "
                    + "load average during the run: median %.2f, range %.2f-%.2f (%d samples; above %d means other "
                    + "work competed for the cores)", plan.name(), started, Machine.describe(), minutes,
                    loads.median(), loads.min(), loads.max(), loads.count(),
                    Runtime.getRuntime().availableProcessors());
            String markdown = table.markdown(header);
            Files.createDirectories(out.toAbsolutePath().getParent());
            Files.writeString(out, markdown, StandardCharsets.UTF_8);
            System.out.println(markdown);
            System.out.println("[bench] written to " + out.toAbsolutePath());
        }
        Dirs.delete(paths.work().resolve("scaled-" + SMALL_CORPUS));
    }

    /** The whole plan: embedding, indexing, the engine at every corpus size, cold starts and memory. */
    private static void everything(BenchmarkPaths paths, BenchmarkPlan plan, ResultTable table, long start)
            throws Exception {
        EmbeddingThroughputBench.run(paths, plan, table);
        progress("embedding", start);
        double passageRate = IndexingThroughputBench.run(paths, plan, table);
        progress("indexing", start);
        List<String> heldOut = RealText.heldOutSentences(paths.heldOut());
        double warmP50 = engineBenchmarks(paths, plan, heldOut, passageRate, table);
        progress("engine, queries and hull", start);
        SelectionBench.coldAndMemory(paths, heldOut, plan.coldStarts(), warmP50, table);
        progress("cold start and memory", start);
    }

    /** Only what a user waits for at start and after a selection: the fast report, the hull, cold starts, the CLI. */
    private static void startAndHull(BenchmarkPaths paths, BenchmarkPlan plan, Path repository, ResultTable table)
            throws Exception {
        List<String> heldOut = RealText.heldOutSentences(paths.heldOut());
        EngineConfig config = new EngineConfig(paths.fp32Model(), paths.index(), paths.cache(),
                EngineConfig.DEFAULT_K, EngineConfig.DEFAULT_HULL_BUDGET);
        double warmP50;
        List<float[]> hullQueries;
        try (NoveltyEngine engine = NoveltyEngine.open(config, Progress.NONE)) {
            warmP50 = SelectionBench.warm(engine, heldOut, plan.selections(), plan.hullSelections(), table);
            hullQueries = engine.embedder().embedPassages(heldOut.subList(0, plan.hullSelections() + 1),
                    Progress.NONE).stream().map(Embedding::unit).toList();
        }
        HullScanBench.run(paths, hullQueries, table);
        SelectionBench.coldAndMemory(paths, heldOut, plan.coldStarts(), warmP50, table);
        CliStartBench.run(repository, plan.coldStarts() + 2, table);
    }

    /** Only the search: the HNSW graph and vector formats on the default corpus's vectors, against an exact scan. */
    private static void searchLayouts(BenchmarkPaths paths, BenchmarkPlan plan, ResultTable table) throws Exception {
        List<String> heldOut = RealText.heldOutSentences(paths.heldOut());
        EngineConfig config = new EngineConfig(paths.fp32Model(), paths.index(), paths.cache(),
                EngineConfig.DEFAULT_K, EngineConfig.DEFAULT_HULL_BUDGET);
        try (NoveltyEngine engine = NoveltyEngine.open(config, Progress.NONE)) {
            List<float[]> units = engine.embedder().embedPassages(heldOut.subList(0, plan.selections()),
                    Progress.NONE).stream().map(Embedding::unit).toList();
            try (ScaledCorpus shipped = ScaledCorpus.shipped(paths.index())) {
                SearchLayoutBench.run(shipped.index(), units, plan.queryRounds(), paths.work(), table);
            }
        }
    }

    /** The warm engine, the queries and the hull at each corpus size; returns the warm fast-report p50. */
    private static double engineBenchmarks(BenchmarkPaths paths, BenchmarkPlan plan, List<String> heldOut,
            double passageRate, ResultTable table) throws Exception {
        EngineConfig config = new EngineConfig(paths.fp32Model(), paths.index(), paths.cache(),
                EngineConfig.DEFAULT_K, EngineConfig.DEFAULT_HULL_BUDGET);
        try (NoveltyEngine engine = NoveltyEngine.open(config, Progress.NONE)) {
            double warmP50 = SelectionBench.warm(engine, heldOut, plan.selections(), plan.hullSelections(), table);
            List<Embedding> queries = engine.embedder().embedPassages(heldOut.subList(0, plan.selections()),
                    Progress.NONE);
            List<float[]> units = queries.stream().map(Embedding::unit).toList();
            ModelDescriptor model = engine.embedder().model();
            try (ScaledCorpus shipped = ScaledCorpus.shipped(paths.index())) {
                List<Integer> sizes = new ArrayList<>(List.of(SMALL_CORPUS, shipped.size()));
                sizes.addAll(plan.largerSizes());
                for (int size : sizes) {
                    ScaledCorpus corpus = size == shipped.size() ? shipped
                            : ScaledCorpus.build(size, shipped.index(), model, engine.embedder().fingerprint(),
                                    paths.work());
                    try {
                        atSize(corpus, corpus == shipped, size <= shipped.size(), units, passageRate, plan,
                                table);
                    } finally {
                        if (corpus != shipped) {
                            corpus.close();
                            Dirs.delete(paths.work().resolve("scaled-" + size));
                        }
                    }
                }
            }
            table.note("Largest corpus size measured: " + sizes(plan) + ". 1M vectors was not tried: its HNSW build "
                    + "alone took 13 min single-threaded (docs/design.md section 4), more than the whole 15-minute "
                    + "budget of the full run; the build column above shows what a larger size would have cost here.");
            return warmP50;
        }
    }

    /** Queries and hull at one corpus size; the Frank-Wolfe vs LP comparison only up to the default corpus. */
    private static void atSize(ScaledCorpus corpus, boolean shipped, boolean compareHull, List<float[]> units,
            double passageRate, BenchmarkPlan plan, ResultTable table) throws Exception {
        QueryBench.Figures query = QueryBench.measure(corpus.index(), units, plan.queryRounds());
        String name = String.format("%,d passages", corpus.size());
        boolean met = query.recall() >= TARGET_RECALL && query.indexMillis().median() <= TARGET_MAX_P50_MILLIS;
        table.add("Query", String.format("top-10 at %s, %d held-out sentences x %d rounds (ms)", name, units.size(),
                plan.queryRounds()),
                String.format("p50 %.2f, p99 %.2f, recall@10 %.3f", query.indexMillis().median(),
                        query.indexMillis().quantile(0.99), query.recall()),
                String.format("exact brute force p50 %.2f, p99 %.2f", query.exactMillis().median(),
                        query.exactMillis().quantile(0.99)),
                String.format("%.1fx faster", query.exactMillis().median() / query.indexMillis().median()),
                shipped ? "recall >= 0.99 at p50 <= 1 ms" : "reported", shipped ? Status.of(met) : Status.INFO);
        // the hull readouts' space is the unit embeddings (docs/design.md, Convex hull)
        List<float[]> hullQueries = units.subList(0, plan.hullInstances());
        HullBench.Figures hull = HullBench.measure(corpus.index().hullData(), hullQueries);
        if (compareHull) {
            HullBench.compare(name, corpus.index().hullData(), hullQueries,
                    plan.fullDimensionLp(), table);
        }
        table.growthRow(String.format("%,d", corpus.size()), corpus.source(),
                Double.isNaN(corpus.buildSeconds()) ? "not rebuilt (shipped)"
                        : String.format("%.0f s (%.2f ms/passage)", corpus.buildSeconds(),
                                1000 * corpus.buildSeconds() / corpus.size()),
                String.format("%.0f s", corpus.size() / passageRate),
                String.format("%.2f / %.2f ms", query.indexMillis().median(), query.indexMillis().quantile(0.99)),
                String.format("%.3f", query.recall()), String.format("%.1f ms", query.exactMillis().median()),
                String.format("%.1f ms", hull.frankWolfeFullMillis().median()),
                String.format("%.0f ms", hull.sweepMillis().median()),
                String.format("%.0f MiB", 2.0 * corpus.size() * corpus.index().metadata().dimension() * Float.BYTES
                        / (1 << 20)));
    }

    /** Elapsed time after each part, so that a reader of the log can see where the budget goes. */
    private static void progress(String part, long start) {
        System.out.printf("[bench] %s done at %.0f s%n", part, (System.nanoTime() - start) / 1e9);
    }

    private static String sizes(BenchmarkPlan plan) {
        return plan.largerSizes().isEmpty() ? "the default corpus (quick plan)"
                : String.format("%,d", plan.largerSizes().get(plan.largerSizes().size() - 1));
    }

    private static String option(List<String> arguments, String name, String fallback) {
        int at = arguments.indexOf(name);
        return at >= 0 && at + 1 < arguments.size() ? arguments.get(at + 1) : fallback;
    }
}
