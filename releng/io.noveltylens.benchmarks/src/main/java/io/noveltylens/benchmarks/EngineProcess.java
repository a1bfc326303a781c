package io.noveltylens.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.noveltylens.core.Progress;
import io.noveltylens.core.analysis.NoveltyReport;
import io.noveltylens.core.engine.EngineConfig;
import io.noveltylens.core.engine.NoveltyEngine;

/**
 * Runs in a fresh JVM started by {@link SelectionBench}: the cold first call (engine open with model load and index
 * open, then one report) as a user gets it after starting the IDE, and then, once warm, the heap after GC and the
 * resident size of a process that holds nothing but the engine. Prints {@code engine.KEY=VALUE} lines.
 * <p>
 * Arguments: model dir, index dir, cache dir, a file of selections (one per line).
 */
public final class EngineProcess {

    private static final int WARM_REPORTS = 20;
    private static final int WARM_HULLS = 3;

    private EngineProcess() {
    }

    public static void main(String[] args) throws Exception {
        List<String> selections = Files.readAllLines(Path.of(args[3]));
        EngineConfig config = new EngineConfig(Path.of(args[0]), Path.of(args[1]), Path.of(args[2]),
                EngineConfig.DEFAULT_K, EngineConfig.DEFAULT_HULL_BUDGET);
        long start = System.nanoTime();
        try (NoveltyEngine engine = NoveltyEngine.open(config, Progress.NONE)) {
            long opened = System.nanoTime();
            NoveltyReport first = engine.analyze(selections.get(0), Progress.NONE);
            long reported = System.nanoTime();
            engine.withHull(first, Progress.NONE);
            long hulled = System.nanoTime();
            System.out.println("engine.open_ms=" + (opened - start) / 1e6);
            System.out.println("engine.first_report_ms=" + (reported - start) / 1e6);
            System.out.println("engine.first_hull_ms=" + (hulled - reported) / 1e6);
            for (int i = 1; i <= WARM_REPORTS; i++) {
                NoveltyReport report = engine.analyze(selections.get(i % selections.size()), Progress.NONE);
                if (i <= WARM_HULLS) {
                    engine.withHull(report, Progress.NONE);
                }
            }
            System.out.println("engine.heap_bytes=" + Machine.heapAfterGc());
            System.out.println("engine.heap_committed_bytes=" + Runtime.getRuntime().totalMemory());
            System.out.println("engine.rss_bytes=" + Machine.residentBytes());
            System.out.println("engine.passages=" + engine.indexInfo().passages());
            System.out.println("engine.dimension=" + engine.indexInfo().dimension());
        }
        System.out.flush();
    }
}
