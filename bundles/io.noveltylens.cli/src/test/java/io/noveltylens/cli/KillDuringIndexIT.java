package io.noveltylens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.noveltylens.test.support.TextLines;

/**
 * kill -9 of {@code novelty index} at several points of a rebuild: the previous index still opens and answers as
 * before, and the next run completes and embeds only what the killed runs had not flushed.
 */
class KillDuringIndexIT {

    private static final Pattern EMBEDDED = Pattern.compile("embedded ([\\d,]+), reused ([\\d,]+)");
    private static final String PROBE = "And God said, Let there be light: and there was light.";

    @TempDir
    Path dir;

    @Test
    void aKilledRebuildLeavesThePreviousIndexAndResumes() throws Exception {
        Path corpus = Files.createDirectories(dir.resolve("corpus"));
        List<String> verses = TextLines.read(Path.of("../io.noveltylens.core.tests/fixtures/kjv-1000.txt.gz"));
        Files.write(corpus.resolve("first.txt"), verses.subList(0, 200));
        Path index = dir.resolve("index");
        CliProcess.Result first = CliProcess.run(dir, null, "index", "--corpus", corpus.toString(), "--index",
                index.toString());
        assertEquals(0, first.exitCode(), first.err());
        String before = score(index);

        Files.write(corpus.resolve("second.txt"), verses.subList(200, 1000));
        Path cache = cacheFile(index);
        long cacheBefore = Files.size(cache);
        // kill while reading/starting, then after at least one flushed chunk of embeddings
        for (long grownBy : new long[] { 0, 1 }) {
            Process build = CliProcess.builder(dir, List.of("index", "--corpus", corpus.toString(), "--index",
                    index.toString())).redirectErrorStream(true).redirectOutput(dir.resolve("build.log").toFile())
                    .start();
            long deadline = System.nanoTime() + 120_000_000_000L;
            while (Files.size(cache) < cacheBefore + grownBy && System.nanoTime() < deadline && build.isAlive()) {
                Thread.sleep(20); // polling another process's file: there is no event to join
            }
            assertTrue(build.isAlive(), "still running when killed");
            build.destroyForcibly().waitFor(); // SIGKILL: no shutdown hooks, no cleanup
            assertEquals(before, score(index), "the previous index answers as before");
            assertTrue(info(index).contains(distinct(verses.subList(0, 200)) + " distinct"), info(index));
        }
        assertTrue(Files.size(cache) > cacheBefore, "the killed run flushed some embeddings");

        CliProcess.Result resumed = CliProcess.run(dir, null, "index", "--corpus", corpus.toString(), "--index",
                index.toString());
        assertEquals(0, resumed.exitCode(), resumed.err());
        Matcher counts = EMBEDDED.matcher(resumed.out());
        assertTrue(counts.find(), resumed.out());
        int embedded = Integer.parseInt(counts.group(1).replace(",", ""));
        assertTrue(embedded < 800, "re-embedded only what was missing: " + resumed.out());
        assertTrue(info(index).contains(distinct(verses) + " distinct"), info(index));
    }

    private String info(Path index) throws Exception {
        return CliProcess.run(dir, null, "info", "--index", index.toString()).out();
    }

    /** How many distinct passages the index should hold for these lines, as `novelty info` prints it. */
    private static String distinct(List<String> lines) {
        long count = lines.stream().map(line -> line.strip().replaceAll("\\s+", " "))
                .filter(line -> line.split(" ").length >= 3).distinct().count();
        return String.format("%,d", count);
    }

    private String score(Path index) throws Exception {
        CliProcess.Result result = CliProcess.run(dir, null, "score", "--index", index.toString(), "--no-hull",
                "--json", PROBE);
        assertEquals(0, result.exitCode(), result.err());
        // the report minus its timing
        return result.out().replaceAll("\"fastMillis\":\\d+", "");
    }

    private static Path cacheFile(Path index) throws Exception {
        try (var files = Files.list(index)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".cache")).findFirst().orElseThrow();
        }
    }
}
