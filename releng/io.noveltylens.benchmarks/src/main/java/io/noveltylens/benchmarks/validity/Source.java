package io.noveltylens.benchmarks.validity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;

/** A source text as the repository keeps it: one passage per line, gzipped; white space runs made single spaces. */
record Source(String name, List<String> lines) {

    static Source read(Path file) throws IOException {
        String name = file.getFileName().toString().replaceFirst("\\.txt\\.gz$", "");
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
            return new Source(name, reader.lines().map(line -> line.replaceAll("\\s+", " ").strip()).toList());
        }
    }

    String origin(int line) {
        return name + ":" + line;
    }
}
