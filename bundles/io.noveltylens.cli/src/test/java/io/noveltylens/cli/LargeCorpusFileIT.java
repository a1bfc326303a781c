package io.noveltylens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.noveltylens.test.support.TextLines;

/**
 * {@code novelty index} over one 200 MB text file, with the real model, in a JVM capped at 128 MB of heap. The file
 * repeats 1,000 verses of the shipped King James Bible, so the build embeds 1,000 passages (seconds) while reading,
 * de-duplicating and recording the provenance of 1.5 million copies: the whole-file reading needed about 2.5 GB for
 * such a file and failed with OutOfMemoryError at 1 GB.
 */
class LargeCorpusFileIT {

    private static final long SIZE = 200L << 20;
    private static final int DISTINCT = 1000;

    @TempDir
    Path dir;

    @Test
    void aTwoHundredMegabyteFileIsIndexedInA128MegabyteHeap() throws Exception {
        Path corpus = Files.createDirectories(dir.resolve("corpus"));
        long copies = writeRepeatedVerses(corpus.resolve("large.txt"));
        ProcessBuilder cli = CliProcess.builder(dir, List.of("index", "--corpus", corpus.toString(), "--index",
                dir.resolve("index").toString()));
        cli.command().replaceAll(option -> option.startsWith("-Xmx") ? "-Xmx128m" : option);
        assertTrue(cli.command().contains("-Xmx128m"), String.join(" ", cli.command()));
        long start = System.nanoTime();
        Process process = cli.redirectInput(new File("/dev/null")).redirectOutput(dir.resolve("out.txt").toFile())
                .redirectError(dir.resolve("err.txt").toFile()).start();
        assertTrue(process.waitFor(10, TimeUnit.MINUTES), "novelty index finished");
        String out = Files.readString(dir.resolve("out.txt"));
        System.out.printf("LargeCorpusFileIT: -Xmx128m, %.1f s: %s", (System.nanoTime() - start) / 1e9, out);
        assertEquals(0, process.exitValue(), out + Files.readString(dir.resolve("err.txt")));
        assertTrue(out.contains(String.format("Indexed %,d distinct passages (%,d read)", DISTINCT, copies)), out);
    }

    /** Writes the first 1,000 distinct verses of 5 to 40 words over and over; returns how many lines it wrote. */
    private static long writeRepeatedVerses(Path file) throws Exception {
        List<String> verses = TextLines.read(Path.of("../io.noveltylens.corpus.default/corpus/kjv.txt.gz")).stream()
                .map(line -> line.strip().replaceAll("\\s+", " "))
                .filter(line -> line.split(" ").length >= 5 && line.split(" ").length <= 40)
                .distinct().limit(DISTINCT).toList();
        long bytes = 0;
        long lines = 0;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            while (bytes < SIZE) {
                String verse = verses.get((int) (lines++ % DISTINCT));
                out.write(verse);
                out.write('\n');
                bytes += verse.getBytes(StandardCharsets.UTF_8).length + 1;
            }
        }
        return lines;
    }
}
