package io.noveltylens.benchmarks;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.noveltylens.benchmarks.ResultTable.Status;
import io.noveltylens.core.Progress;
import io.noveltylens.core.analysis.HullReport;
import io.noveltylens.core.analysis.NoveltyReport;
import io.noveltylens.core.engine.EngineConfig;
import io.noveltylens.core.engine.NoveltyEngine;
import io.noveltylens.core.hull.HullVerdict;
import io.noveltylens.core.index.IndexSettings;

/**
 * From a one-sentence selection to its report, through {@link NoveltyEngine} as the IDE calls it: the fast report
 * (embedding, kNN, density, verbatim overlap, map) timed against embedding the same sentence alone, interleaved; the
 * hull readouts separately; and, in fresh JVMs ({@link EngineProcess}), the cold first call and the memory of a warm
 * engine.
 */
final class SelectionBench {

    static final double WARM_P50_TARGET_MILLIS = 30;
    static final double WHOLE_P50_TARGET_MILLIS = 300;
    static final double WHOLE_P99_TARGET_MILLIS = 600;
    /** Long enough for the depth sweep and the distance to finish on the default corpus (docs/benchmarks.md). */
    static final Duration REFERENCE_HULL_BUDGET = Duration.ofSeconds(20);
    /** What the hull may overrun its budget by: the step in flight when it expires (an LP pivot, a full pass). */
    static final long OVERRUN_MILLIS = 100;
    /** Eclipse's own eclipse.ini gives the IDE -Xmx2048m; the engine has to live within such a heap. */
    static final String CHILD_HEAP = "-Xmx2g";

    private SelectionBench() {
    }

    static double warm(NoveltyEngine engine, List<String> selections, int count, int hullCount, ResultTable table)
            throws Exception {
        for (int i = 0; i < 20; i++) {
            engine.analyze(selections.get(i), Progress.NONE);
        }
        List<Double> reportMillis = new ArrayList<>();
        List<Double> embedMillis = new ArrayList<>();
        List<NoveltyReport> reports = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String selection = selections.get(i % selections.size());
            long t0 = System.nanoTime();
            NoveltyReport report = engine.analyze(selection, Progress.NONE);
            long t1 = System.nanoTime();
            engine.embedder().embedQuery(selection);
            long t2 = System.nanoTime();
            reportMillis.add((t1 - t0) / 1e6);
            embedMillis.add((t2 - t1) / 1e6);
            if (reports.size() < hullCount) {
                reports.add(report);
            }
        }
        Samples report = Samples.of(reportMillis);
        Samples embed = Samples.of(embedMillis);
        table.add("Selection to report", String.format("fast report, one held-out sentence, warm (ms; %d selections)",
                count), String.format("p50 %.1f, p99 %.1f", report.median(), report.quantile(0.99)),
                String.format("embedding alone p50 %.1f, p99 %.1f", embed.median(), embed.quantile(0.99)),
                String.format("%.2fx", report.median() / embed.median()), "p50 <= 30 ms",
                Status.of(report.median() <= WARM_P50_TARGET_MILLIS));
        hull(engine, reports, table);
        return report.median();
    }

    /**
     * The hull readouts at the default budget, against the same readouts given {@link #REFERENCE_HULL_BUDGET} in the
     * same run: how long they take, and how much of the distance and the depth curve the default budget decides; and
     * the whole report (fast readouts, then the hull's) a selection gets.
     */
    private static void hull(NoveltyEngine engine, List<NoveltyReport> reports, ResultTable table) throws Exception {
        long budget = EngineConfig.DEFAULT_HULL_BUDGET.toMillis();
        engine.withHull(reports.get(0), Progress.NONE);
        List<Double> millis = new ArrayList<>();
        List<Double> wholeMillis = new ArrayList<>();
        int converged = 0;
        int complete = 0;
        int sameDepth = 0;
        int referenceConverged = 0;
        int referenceComplete = 0;
        int contradictions = 0;
        for (NoveltyReport done : reports) {
            long t0 = System.nanoTime();
            NoveltyReport again = engine.analyze(done.text(), Progress.NONE);
            long t1 = System.nanoTime();
            HullReport fast = engine.withHull(again, Progress.NONE).hull();
            long t2 = System.nanoTime();
            millis.add((t2 - t1) / 1e6);
            wholeMillis.add((t2 - t0) / 1e6);
            HullReport reference = engine.withHull(done, REFERENCE_HULL_BUDGET, Progress.NONE).hull();
            converged += fast.distance().converged() ? 1 : 0;
            complete += fast.depth().complete() ? 1 : 0;
            referenceConverged += reference.distance().converged() ? 1 : 0;
            referenceComplete += reference.depth().complete() ? 1 : 0;
            sameDepth += fast.depth().complete() && fast.depth().depth() == reference.depth().depth() ? 1 : 0;
            contradictions += contradictions(fast, reference);
        }
        Samples hull = Samples.of(millis);
        int n = reports.size();
        table.add("Selection to report", String.format("hull readouts (distance + depth sweep) at the default %d ms "
                + "budget, warm (ms; %d selections)", budget, n), String.format("p50 %.0f, p99 %.0f", hull.median(),
                        hull.quantile(0.99)),
                String.format("budget %d ms", budget),
                String.format("%.2fx of budget (p99)", hull.quantile(0.99) / budget), String.format("p99 <= %d ms",
                        budget + OVERRUN_MILLIS),
                Status.of(hull.quantile(0.99) <= budget + OVERRUN_MILLIS));
        table.add("Selection to report", String.format("what the %d ms budget decides (%d selections): distance to "
                + "1 %%, complete depth curve, depth equal to the reference's, contradicting verdicts", budget, n),
                String.format("%d/%d, %d/%d, %d/%d, %d", converged, n, complete, n, sameDepth, n, contradictions),
                String.format("%d s budget: %d/%d, %d/%d", REFERENCE_HULL_BUDGET.toSeconds(), referenceConverged, n,
                        referenceComplete, n),
                "", "no contradictions", Status.of(contradictions == 0));
        Samples whole = Samples.of(wholeMillis);
        table.add("Selection to report", String.format("whole report (fast readouts, then the hull's), warm (ms; %d "
                + "selections)", n), String.format("p50 %.0f, p99 %.0f", whole.median(), whole.quantile(0.99)),
                String.format("hull alone p50 %.0f, p99 %.0f", hull.median(), hull.quantile(0.99)),
                String.format("%.2fx of the hull alone (p50)", whole.median() / hull.median()),
                "p50 <= 300 ms, p99 <= 600 ms",
                Status.of(
                        whole.median() <= WHOLE_P50_TARGET_MILLIS && whole.quantile(0.99) <= WHOLE_P99_TARGET_MILLIS));
    }

    /** Dimensions (and the full space) where one readout says inside and the other outside. */
    private static int contradictions(HullReport a, HullReport b) {
        int count = opposite(a.distance().verdict(), b.distance().verdict()) ? 1 : 0;
        for (int i = 0; i < a.depth().curve().size(); i++) {
            count += opposite(a.depth().curve().get(i).verdict(), b.depth().curve().get(i).verdict()) ? 1 : 0;
        }
        return count;
    }

    private static boolean opposite(HullVerdict a, HullVerdict b) {
        return a == HullVerdict.INSIDE && b == HullVerdict.OUTSIDE
                || a == HullVerdict.OUTSIDE && b == HullVerdict.INSIDE;
    }

    /**
     * Starts {@code runs} fresh JVMs of each kind, interleaved: the hull warmed up at open as the IDE does, and
     * prepared only (the peer); reports the cold first call, what the first hull readouts decide, and the memory of
     * the warm engine.
     */
    static void coldAndMemory(BenchmarkPaths paths, List<String> selections, int runs, double warmP50Millis,
            ResultTable table) throws Exception {
        Path selectionFile = paths.work().resolve("selections.txt");
        Files.write(selectionFile, selections, StandardCharsets.UTF_8);
        Map<String, List<Double>> figures = new HashMap<>();
        Map<String, List<Double>> peer = new HashMap<>();
        Map<String, List<Double>> steps = new HashMap<>();
        List<Double> coldPerSession = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            collect(child(paths, selectionFile, "prepare"), peer);
            Map<String, Double> cold = child(paths, selectionFile, "warm-up");
            collect(cold, figures);
            double session = startup(paths, "session", selections.get(0)).get("session");
            steps.computeIfAbsent("session", key -> new ArrayList<>()).add(session);
            coldPerSession.add(cold.get("first_report_ms") / session);
            collect(startup(paths, "steps", selections.get(0)), steps);
        }
        Samples first = Samples.of(figures.get("first_report_ms"));
        Samples open = Samples.of(figures.get("open_ms"));
        table.add("Selection to report", "cold first call in a fresh JVM: engine open (model load, index open) + "
                + "first report (ms; page cache warm)", first.describeRange("%.0f"),
                "of which engine open " + open.describeRange("%.0f"),
                String.format("%.0fx warm p50", first.median() / warmP50Millis), "reported", Status.INFO);
        table.add("Start-up", "cold start: engine open + first report in a fresh JVM vs creating a bare ONNX Runtime "
                + "session of the same model in another (ms)", first.describeRange("%.0f"),
                "bare session " + Samples.of(steps.get("session")).describeRange("%.0f"),
                Samples.of(coldPerSession).describeRange("%.2fx"), "<= 600 ms", Status.of(first.median() <= 600));
        table.add("Start-up", "where the open goes, step by step in a fresh JVM (ms; the engine runs the model's "
                + "steps and the index's on two threads)",
                String.format("descriptor %.0f, tokenizer %.0f, "
                        + "fingerprint %.0f, query session %.0f, index %.0f, first embedding %.0f, first search %.0f",
                        median(steps, "descriptor"), median(steps, "tokenizer"), median(steps, "fingerprint"),
                        median(steps, "query_session"), median(steps, "index"), median(steps, "first_embedding"),
                        median(steps, "first_search")),
                String.format("bare session %.0f", median(steps, "session")), "", "reported", Status.INFO);
        table.add("Selection to report", "first hull readouts in that JVM, the hull warmed up on its own thread from "
                + "engine open as the IDE does (ms after the first report)",
                Samples.of(figures.get("first_hull_ms")).describeRange("%.0f"),
                "prepared only " + Samples.of(peer.get("first_hull_ms")).describeRange("%.0f"), "", "reported",
                Status.INFO);
        long complete = count(figures.get("first_depth_complete"));
        table.add("Selection to report", String.format("first hull readouts in that JVM: whole depth curve, distance "
                + "to 1 %% within the %d ms budget", EngineConfig.DEFAULT_HULL_BUDGET.toMillis()),
                String.format("%d/%d, %d/%d", complete, runs, count(figures.get("first_distance_converged")), runs),
                String.format("prepared only %d/%d, %d/%d", count(peer.get("first_depth_complete")), runs,
                        count(peer.get("first_distance_converged")), runs),
                "", "whole depth curve every time", Status.of(complete == runs));
        double passages = figures.get("passages").get(0);
        double vectorBytes = passages * figures.get("dimension").get(0) * Float.BYTES;
        double projectedBytes = passages * IndexSettings.defaults().pcaComponents() * Float.BYTES;
        Samples heap = Samples.of(figures.get("heap_bytes"));
        Samples rss = Samples.of(figures.get("rss_bytes"));
        table.add("Memory", String.format("warm engine, default corpus (%.0f passages), %s: heap after GC (MiB)",
                passages, CHILD_HEAP), mib(heap),
                String.format("unit vectors + projection, read in place from the index's mapped files: %.0f MiB",
                        (vectorBytes + projectedBytes) / (1 << 20)),
                String.format("%.2fx", heap.median() / (vectorBytes + projectedBytes)), "<= 120 MiB",
                Status.of(heap.median() <= 120 * (1 << 20)));
        Samples committed = Samples.of(figures.get("heap_committed_bytes"));
        table.add("Memory", "warm engine: resident size VmRSS (MiB)", mib(rss), "of which RssAnon "
                + mib(Samples.of(figures.get("rss_anon_bytes"))) + " (heap, ONNX Runtime, JVM), RssFile "
                + mib(Samples.of(figures.get("rss_file_bytes"))) + " (mapped index files, libraries); heap after GC "
                + mib(heap) + ", committed " + mib(committed),
                String.format("%.2fx heap after GC", rss.median() / heap.median()), "<= 450 MiB",
                Status.of(rss.median() <= 450 * (1 << 20)));
    }

    private static double median(Map<String, List<Double>> figures, String key) {
        return Samples.of(figures.get(key)).median();
    }

    /** One fresh JVM of {@link StartupSteps}: its {@code start.} figures. */
    private static Map<String, Double> startup(BenchmarkPaths paths, String mode, String selection) throws Exception {
        return run(List.of(StartupSteps.class.getName(), mode, paths.fp32Model().toString(),
                paths.index().toString(), paths.cache().toString(), selection), "start.", "first_search", "session");
    }

    private static String mib(Samples bytes) {
        return String.format("%.0f [%.0f-%.0f, n=%d]", bytes.median() / (1 << 20), bytes.min() / (1 << 20),
                bytes.max() / (1 << 20), bytes.count());
    }

    private static void collect(Map<String, Double> run, Map<String, List<Double>> figures) {
        for (Map.Entry<String, Double> figure : run.entrySet()) {
            figures.computeIfAbsent(figure.getKey(), key -> new ArrayList<>()).add(figure.getValue());
        }
    }

    /** How many runs printed 1 for a yes-or-no figure. */
    private static long count(List<Double> flags) {
        return flags.stream().filter(flag -> flag == 1).count();
    }

    private static Map<String, Double> child(BenchmarkPaths paths, Path selectionFile, String hullPreparation)
            throws Exception {
        return run(List.of(EngineProcess.class.getName(), paths.fp32Model().toString(), paths.index().toString(),
                paths.cache().toString(), selectionFile.toString(), hullPreparation), "engine.", "rss_bytes");
    }

    /**
     * Runs {@code mainAndArguments} in a fresh JVM and returns its {@code prefix}KEY=VALUE lines, of which one of
     * {@code last} must be present.
     */
    private static Map<String, Double> run(List<String> mainAndArguments, String prefix, String... last)
            throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), CHILD_HEAP,
                "--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED", "-Dai.djl.offline=true",
                "-cp", System.getProperty("java.class.path")));
        command.addAll(mainAndArguments);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        Map<String, Double> figures = new HashMap<>();
        StringBuilder output = new StringBuilder();
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                output.append(line).append('\n');
                if (line.startsWith(prefix)) {
                    String[] pair = line.substring(prefix.length()).split("=", 2);
                    figures.put(pair[0], Double.parseDouble(pair[1]));
                }
            }
        }
        if (process.waitFor() != 0 || List.of(last).stream().noneMatch(figures::containsKey)) {
            throw new IllegalStateException("The process " + mainAndArguments.get(0) + " failed:\n" + output);
        }
        return figures;
    }
}
