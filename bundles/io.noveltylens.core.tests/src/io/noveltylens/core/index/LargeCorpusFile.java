package io.noveltylens.core.index;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.noveltylens.test.support.TextLines;

/**
 * A generated corpus file of a given size: lines of the shipped corpora (one passage each: 3 to 140 words), each
 * made distinct by a copy number, so that nothing de-duplicates away and every passage costs what a new one does:
 * {@code lines} is the number of distinct passages a reader must find.
 */
record LargeCorpusFile(Path file, long bytes, int lines) {

    private static final Path SHIPPED = Path.of("../io.noveltylens.corpus.default/corpus");

    static LargeCorpusFile write(Path file, long targetBytes) throws IOException {
        Set<String> distinct = new LinkedHashSet<>();
        for (String name : List.of("austen.txt.gz", "kjv.txt.gz", "sotu.txt.gz")) {
            TextLines.read(SHIPPED.resolve(name)).stream().map(line -> line.strip().replaceAll("\\s+", " "))
                    .filter(line -> words(line) >= 3 && words(line) <= 140).forEach(distinct::add);
        }
        List<String> sourceLines = new ArrayList<>(distinct);
        long bytes = 0;
        int lines = 0;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            while (bytes < targetBytes) {
                String line = sourceLines.get(lines % sourceLines.size()) + " (copy " + lines / sourceLines.size()
                        + ")\n";
                out.write(line);
                bytes += line.getBytes(StandardCharsets.UTF_8).length;
                lines++;
            }
        }
        return new LargeCorpusFile(file, bytes, lines);
    }

    private static int words(String line) {
        return line.isEmpty() ? 0 : line.split(" ").length;
    }
}
