package io.noveltylens.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.noveltylens.core.NoveltyException;
import io.noveltylens.core.Progress;
import io.noveltylens.core.analysis.HullReport;
import io.noveltylens.core.analysis.NoveltyReport;
import io.noveltylens.core.engine.EngineConfig;
import io.noveltylens.core.engine.NoveltyEngine;

/**
 * Runs in a fresh JVM started by {@link SelectionBench}: the cold first call (engine open with model load and index
 * open, then one report) as a user gets it after starting the IDE, and then, once warm, the heap after GC and the
 * resident size of a process that holds nothing but the engine. Prints {@code engine.KEY=VALUE} lines.
 * <p>
 * As the IDE does, the hull is prepared on a thread of its own as soon as the engine is open, while the first report
 * is made: with {@link NoveltyEngine#warmUpHull} (the IDE's way) or, as the peer, {@link NoveltyEngine#prepareHull}
 * alone. The first hull readouts wait for it.
 * <p>
 * Arguments: model dir, index dir, cache dir, a file of selections (one per line), {@code warm-up} or
 * {@code prepare}.
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
        boolean warmUp = args[4].equals("warm-up");
        try (NoveltyEngine engine = NoveltyEngine.open(config, Progress.NONE)) {
            long opened = System.nanoTime();
            Thread preparing = new Thread(() -> prepare(engine, warmUp), "prepare-hull");
            preparing.start();
            NoveltyReport first = engine.analyze(selections.get(0), Progress.NONE);
            long reported = System.nanoTime();
            HullReport hull = engine.withHull(first, Progress.NONE).hull();
            long hulled = System.nanoTime();
            preparing.join();
            System.out.println("engine.open_ms=" + (opened - start) / 1e6);
            System.out.println("engine.first_report_ms=" + (reported - start) / 1e6);
            System.out.println("engine.first_hull_ms=" + (hulled - reported) / 1e6);
            System.out.println("engine.first_hull_solve_ms=" + hull.millis());
            System.out.println("engine.first_depth_complete=" + (hull.depth().complete() ? 1 : 0));
            System.out.println("engine.first_distance_converged=" + (hull.distance().converged() ? 1 : 0));
            for (int i = 1; i <= WARM_REPORTS; i++) {
                NoveltyReport report = engine.analyze(selections.get(i % selections.size()), Progress.NONE);
                if (i <= WARM_HULLS) {
                    engine.withHull(report, Progress.NONE);
                }
            }
            System.out.println("engine.heap_bytes=" + Machine.heapAfterGc());
            System.out.println("engine.heap_committed_bytes=" + Runtime.getRuntime().totalMemory());
            System.out.println("engine.rss_anon_bytes=" + Machine.statusBytes("RssAnon"));
            System.out.println("engine.rss_file_bytes=" + Machine.statusBytes("RssFile"));
            System.out.println("engine.rss_bytes=" + Machine.residentBytes());
            System.out.println("engine.passages=" + engine.indexInfo().passages());
            System.out.println("engine.dimension=" + engine.indexInfo().dimension());
        }
        System.out.flush();
    }

    private static void prepare(NoveltyEngine engine, boolean warmUp) {
        try {
            if (warmUp) {
                engine.warmUpHull();
            } else {
                engine.prepareHull();
            }
        } catch (NoveltyException e) {
            throw new IllegalStateException(e);
        }
    }
}
