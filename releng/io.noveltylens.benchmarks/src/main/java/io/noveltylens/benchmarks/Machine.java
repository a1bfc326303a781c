package io.noveltylens.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What the figures were measured on: cores, JVM, CPU, and the resident size of this process. */
final class Machine {

    private Machine() {
    }

    static String describe() {
        return "cores (availableProcessors): " + Runtime.getRuntime().availableProcessors() + "; JVM: "
                + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + " ("
                + System.getProperty("java.vm.vendor") + "); max heap: "
                + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB; OS: " + System.getProperty("os.name") + " "
                + System.getProperty("os.version") + "; CPU: " + cpuModel();
    }

    /** VmRSS from /proc/self/status, in bytes; -1 where there is no procfs. */
    static long residentBytes() {
        return statusBytes("VmRSS");
    }

    /**
     * A size from /proc/self/status, in bytes, -1 where there is none: VmRSS is RssAnon (the heap, native allocations
     * such as ONNX Runtime's) + RssFile (pages of mapped files: the index, the JVM's and the natives' libraries) +
     * RssShmem.
     */
    static long statusBytes(String field) {
        for (String line : lines(Path.of("/proc/self/status"))) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        return -1;
    }

    /** Heap in use after asking for full collections until the figure settles. */
    static long heapAfterGc() throws InterruptedException {
        Runtime runtime = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(100);
            long now = runtime.totalMemory() - runtime.freeMemory();
            if (now >= used * 0.99) {
                return Math.min(now, used);
            }
            used = now;
        }
        return used;
    }

    /** The 1-minute load average, or NaN. */
    static double loadAverage() {
        List<String> lines = lines(Path.of("/proc/loadavg"));
        return lines.isEmpty() ? Double.NaN : Double.parseDouble(lines.get(0).split(" ")[0]);
    }

    private static String cpuModel() {
        for (String line : lines(Path.of("/proc/cpuinfo"))) {
            if (line.startsWith("model name")) {
                return line.substring(line.indexOf(':') + 1).strip();
            }
        }
        return System.getProperty("os.arch");
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            return new ArrayList<>();
        }
    }
}
