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
        Path corpus = Files.createDirectories(dir.resolve("corpus")); //$NON-NLS-1$
        long copies = writeRepeatedVerses(corpus.resolve("large.txt")); //$NON-NLS-1$
        ProcessBuilder cli = CliProcess.builder(dir, List.of("index", "--corpus", corpus.toString(), "--index", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
                dir.resolve("index").toString())); //$NON-NLS-1$
        cli.command().replaceAll(option -> option.startsWith("-Xmx") ? "-Xmx128m" : option); //$NON-NLS-1$ //$NON-NLS-2$
        assertTrue(cli.command().contains("-Xmx128m"), String.join(" ", cli.command())); //$NON-NLS-1$ //$NON-NLS-2$
        long start = System.nanoTime();
        Process process = cli.redirectInput(new File("/dev/null")).redirectOutput(dir.resolve("out.txt").toFile()) //$NON-NLS-1$ //$NON-NLS-2$
                .redirectError(dir.resolve("err.txt").toFile()).start(); //$NON-NLS-1$
        assertTrue(process.waitFor(10, TimeUnit.MINUTES), "novelty index finished"); //$NON-NLS-1$
        String out = Files.readString(dir.resolve("out.txt")); //$NON-NLS-1$
        System.out.printf("LargeCorpusFileIT: -Xmx128m, %.1f s: %s", (System.nanoTime() - start) / 1e9, out); //$NON-NLS-1$
        assertEquals(0, process.exitValue(), out + Files.readString(dir.resolve("err.txt"))); //$NON-NLS-1$
        assertTrue(out.contains(String.format("Indexed %,d distinct passages (%,d read)", DISTINCT, copies)), out); //$NON-NLS-1$
    }

    /** Writes the first 1,000 distinct verses of 5 to 40 words over and over; returns how many lines it wrote. */
    private static long writeRepeatedVerses(Path file) throws Exception {
        List<String> verses = TextLines.read(Path.of("../io.noveltylens.corpus.default/corpus/kjv.txt.gz")).stream() //$NON-NLS-1$
                .map(line -> line.strip().replaceAll("\\s+", " ")) //$NON-NLS-1$ //$NON-NLS-2$
                .filter(line -> line.split(" ").length >= 5 && line.split(" ").length <= 40) //$NON-NLS-1$ //$NON-NLS-2$
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
