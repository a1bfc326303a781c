package io.noveltylens.e2e.probe;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The checks of one probe run, as lines {@code ok WHAT} or {@code FAIL WHAT}, ended by {@code result PASS|FAIL}.
 * Plain lines, so that the shell script can print and grep them without a JSON tool.
 */
final class ProbeReport {

    private final List<String> lines = new ArrayList<>();
    private boolean failed;

    void check(boolean passed, String what) {
        lines.add((passed ? "ok   " : "FAIL ") + what);
        failed |= !passed;
    }

    void info(String what) {
        lines.add("info " + what);
    }

    /** Writes the report next to its final name and moves it there, so that a poller never reads half a report. */
    void writeTo(Path file) throws IOException {
        List<String> all = new ArrayList<>(lines);
        all.add("result " + (failed ? "FAIL" : "PASS"));
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(partial, all, StandardCharsets.UTF_8);
        Files.move(partial, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
