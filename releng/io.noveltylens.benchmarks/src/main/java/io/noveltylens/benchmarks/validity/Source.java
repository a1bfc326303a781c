package io.noveltylens.benchmarks.validity;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import io.noveltylens.test.support.TextLines;

/** A source text as the repository keeps it: one passage per line, gzipped; white space runs made single spaces. */
record Source(String name, List<String> lines) {

    static Source read(Path file) throws IOException {
        String name = file.getFileName().toString().replaceFirst("\\.txt\\.gz$", "");
        return new Source(name,
                TextLines.read(file).stream().map(line -> line.replaceAll("\\s+", " ").strip()).toList());
    }

    String origin(int line) {
        return name + ":" + line;
    }
}
