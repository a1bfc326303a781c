package io.noveltylens.benchmarks;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.noveltylens.benchmarks.ResultTable.Status;

/**
 * The command line as a user starts it: {@code releng/novelty score "It is a truth universally acknowledged..."} in
 * a fresh process (page cache and class-data-sharing archive warm after one unmeasured run), timed to the line that
 * shows the Austen passage and to the exit, interleaved with {@code java -version} of the same JDK as the floor no
 * Java command can beat.
 */
final class CliStartBench {

    static final String AUSTEN = "It is a truth universally acknowledged, that a single man in possession of a good "
            + "fortune, must be in want of a wife.";
    static final double TARGET_MILLIS = 2000;

    private CliStartBench() {
    }

    static void run(Path repository, int rounds, ResultTable table) throws Exception {
        Path launcher = repository.resolve("releng/novelty");
        if (!Files.isRegularFile(repository.resolve("bundles/io.noveltylens.cli/target/novelty-cli.jar"))) {
            table.add("CLI start", "novelty score, fresh process", "not measured: build the CLI first", "", "", "",
                    Status.INFO);
            return;
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        run(List.of(launcher.toString(), "score", AUSTEN), null);
        List<Double> floor = new ArrayList<>();
        List<Double> austen = new ArrayList<>();
        List<Double> fast = new ArrayList<>();
        List<Double> full = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            floor.add(run(List.of(java, "-version"), null)[1]);
            double[] withHull = run(List.of(launcher.toString(), "score", AUSTEN), "austen.txt.gz:1742");
            austen.add(withHull[0]);
            full.add(withHull[1]);
            fast.add(run(List.of(launcher.toString(), "score", "--no-hull", AUSTEN), null)[1]);
        }
        Samples jvm = Samples.of(floor);
        Samples shown = Samples.of(austen);
        table.add("CLI start", "novelty score \"It is a truth...\", fresh process: Austen passage on screen (ms)",
                shown.describeRange("%.0f"), "java -version " + jvm.describeRange("%.0f"),
                String.format("%.1fx", shown.median() / jvm.median()), "well under 2 s",
                Status.of(shown.median() < TARGET_MILLIS));
        table.add("CLI start", "the same command to exit, with the hull readouts (ms)",
                Samples.of(full).describeRange("%.0f"),
                "--no-hull " + Samples.of(fast).describeRange("%.0f"), "", "reported", Status.INFO);
    }

    /**
     * Runs a command to its end; returns the milliseconds to the first output line containing {@code marker} (NaN
     * without one) and to the exit. Fails on a non-zero exit or a missing marker.
     */
    private static double[] run(List<String> command, String marker) throws Exception {
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        double seen = Double.NaN;
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (marker != null && Double.isNaN(seen) && line.contains(marker)) {
                    seen = (System.nanoTime() - start) / 1e6;
                }
            }
        }
        int exit = process.waitFor();
        double ended = (System.nanoTime() - start) / 1e6;
        if (exit != 0 || marker != null && Double.isNaN(seen)) {
            throw new IllegalStateException(
                    command + " exited " + exit + (marker == null ? "" : ", marker seen: " + !Double.isNaN(seen)));
        }
        return new double[] { seen, ended };
    }
}
