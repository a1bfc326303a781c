package io.noveltylens.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonParser;

import io.noveltylens.test.support.TextLines;

/**
 * A rebuild that fills the file system, for real: the index lives on a tmpfs mounted in a private mount namespace
 * ({@code unshare --mount}, root as in CI). After a first build the tmpfs is shrunk to what it holds plus room for
 * the new embeddings and 256 KiB, so the rebuild embeds everything and then runs out of space writing the new
 * generation. It must exit with the IO code and say "check free space", leave the previous index answering exactly
 * as before, leave no temporary generation, and leave an embedding cache that the next run (with room) reuses.
 */
class DiskFullIT {

    private static final Pattern EMBEDDED = Pattern.compile("embedded ([\\d,]+), reused ([\\d,]+)");
    private static final String PROBE = "And God said, Let there be light: and there was light.";
    /** 32-byte content hash, 384 floats and a CRC per passage (EmbeddingCache's record). */
    private static final int CACHE_RECORD = 32 + 4 * 384 + 4;
    private static final int EXIT_IO = 6;

    @TempDir
    Path dir;

    @Test
    void aRebuildThatFillsTheDiskFailsCleanlyAndKeepsThePreviousIndex() throws Exception {
        Assumptions.assumeTrue(canMountTmpfs(),
                "unshare --mount with a tmpfs is not available to this user (CI runs as root)");
        List<String> verses = TextLines.read(Path.of("../io.noveltylens.core.tests/fixtures/kjv-1000.txt.gz"));
        Path small = Files.createDirectories(dir.resolve("small"));
        Files.write(small.resolve("first.txt"), verses.subList(0, 100));
        Path large = Files.createDirectories(dir.resolve("large"));
        Files.write(large.resolve("first.txt"), verses.subList(0, 100));
        Files.write(large.resolve("second.txt"), verses.subList(100, 500));
        Path disk = Files.createDirectories(dir.resolve("disk"));
        Path index = disk.resolve("index");
        Path out = Files.createDirectories(dir.resolve("out"));
        long room = 400L * CACHE_RECORD + (256 << 10); // the generation of 500 passages needs well over 256 KiB

        ProcessBuilder cliBuilder = CliProcess.builder(dir, List.of());
        String cli = String.join(" ", cliBuilder.command().stream().map(DiskFullIT::quoted).toList());
        String script = String.join("\n",
                "set -u",
                "mount -t tmpfs -o size=64m tmpfs " + quoted(disk) + " || exit 90",
                cli + " index --corpus " + quoted(small) + " --index " + quoted(index)
                        + " >out/build1.txt 2>&1; echo $? >out/build1.rc",
                cli + " score --index " + quoted(index) + " --no-hull --json " + quoted(PROBE)
                        + " >out/score1.txt 2>out/score1.err",
                "used=$(df --output=used -B1 " + quoted(disk) + " | tail -n 1)",
                "mount -o remount,size=$((used + " + room + ")) " + quoted(disk) + " || exit 91",
                "df -B1 " + quoted(disk) + " >out/df.txt",
                cli + " index --corpus " + quoted(large) + " --index " + quoted(index)
                        + " >out/build2.txt 2>out/build2.err; echo $? >out/build2.rc",
                cli + " score --index " + quoted(index) + " --no-hull --json " + quoted(PROBE)
                        + " >out/score2.txt 2>out/score2.err",
                "ls -a " + quoted(index) + " >out/listing.txt",
                "cp -a " + quoted(index) + " out/index-after-full-disk",
                "");
        runInMountNamespace(script, cliBuilder, out);
        assertEquals("0", read(out, "build1.rc").strip(), read(out, "build1.txt"));

        String failure = read(out, "build2.err");
        System.out.println("DiskFull: " + read(out, "df.txt").lines().skip(1).findFirst().orElse("") + " -> "
                + failure.strip().lines().reduce((first, last) -> last).orElse(""));
        assertEquals(String.valueOf(EXIT_IO), read(out, "build2.rc").strip(), failure + read(out, "build2.txt"));
        assertTrue(failure.contains("No space left on device") && failure.contains("check free space")
                && failure.contains("The previous index is unchanged"), failure);
        assertFalse(read(out, "score1.txt").isBlank(), read(out, "score1.err"));
        assertEquals(withoutTiming(read(out, "score1.txt")), withoutTiming(read(out, "score2.txt")),
                "the previous index answers exactly as before");
        assertFalse(read(out, "listing.txt").contains(".tmp"),
                "no temporary generation is left: " + read(out, "listing.txt"));

        // the same index, copied off the full tmpfs: with room, the rebuild reuses every embedding the failed run cached
        CliProcess.Result resumed = CliProcess.run(dir, null, "index", "--corpus", large.toString(), "--index",
                out.resolve("index-after-full-disk").toString());
        assertEquals(0, resumed.exitCode(), resumed.err());
        Matcher counts = EMBEDDED.matcher(resumed.out());
        assertTrue(counts.find(), resumed.out());
        assertEquals("0", counts.group(1), "the embedding cache survived the full disk intact: " + resumed.out());
    }

    /**
     * A resumed annotation run over a folder one of whose files was deleted must rewrite its results file without that
     * file's records (ResultsFile.complete), and the rewrite fills the file system midway: the tmpfs holding the
     * results file is shrunk to what it holds plus less room than the kept records need. The run must exit with the
     * IO code and say that the file keeps every record, leave the file byte for byte as it was and no temporary copy
     * beside it; a run with room then resumes that file, scores nothing again and ends with exactly its records less
     * the deleted file's, in their order.
     */
    @Test
    void aResultsFileRewriteThatFillsTheDiskKeepsEveryRecordAndTheNextRunResumesIt() throws Exception {
        Assumptions.assumeTrue(canMountTmpfs(),
                "unshare --mount with a tmpfs is not available to this user (CI runs as root)");
        List<String> verses = TextLines.read(Path.of("../io.noveltylens.core.tests/fixtures/kjv-1000.txt.gz"));
        Path texts = Files.createDirectories(dir.resolve("texts"));
        Path deleted = texts.resolve("a.txt");
        Files.write(deleted, verses.subList(0, 40));
        Files.write(texts.resolve("b.txt"), verses.subList(40, 100));
        Files.write(texts.resolve("c.txt"), verses.subList(100, 160));
        Path disk = Files.createDirectories(dir.resolve("disk"));
        Path results = disk.resolve("run.jsonl");
        Path out = Files.createDirectories(dir.resolve("out"));
        int room = 16 << 10;

        ProcessBuilder cliBuilder = CliProcess.builder(dir, List.of());
        String annotate = String.join(" ", cliBuilder.command().stream().map(DiskFullIT::quoted).toList())
                + " annotate --corpus " + quoted(texts) + " --out " + quoted(results) + " --resume";
        String script = String.join("\n",
                "set -u",
                "mount -t tmpfs -o size=64m tmpfs " + quoted(disk) + " || exit 90",
                annotate + " >out/run1.txt 2>&1; echo $? >out/run1.rc",
                "cp " + quoted(results) + " out/before.jsonl",
                "rm " + quoted(deleted),
                "used=$(df --output=used -B1 " + quoted(disk) + " | tail -n 1)",
                "mount -o remount,size=$((used + " + room + ")) " + quoted(disk) + " || exit 91",
                annotate + " >out/run2.txt 2>out/run2.err; echo $? >out/run2.rc",
                "ls -a " + quoted(disk) + " >out/listing.txt",
                "cp " + quoted(results) + " out/after-full-disk.jsonl",
                "");
        runInMountNamespace(script, cliBuilder, out);
        assertEquals("0", read(out, "run1.rc").strip(), read(out, "run1.txt"));
        List<String> before = Files.readAllLines(out.resolve("before.jsonl"));
        List<String> kept = new ArrayList<>(before.subList(0, 1));
        before.stream().skip(1).filter(record -> !source(record).equals(deleted.toString())).forEach(kept::add);
        int dropped = before.size() - kept.size();
        assertEquals(40, dropped, "one record per verse of the deleted file");
        assertTrue(String.join("\n", kept).length() > 2 * room, "the rewrite cannot fit in the room left");

        String failure = read(out, "run2.err");
        System.out.println("DiskFull (results file): " + failure.strip());
        assertEquals(String.valueOf(EXIT_IO), read(out, "run2.rc").strip(), failure + read(out, "run2.txt"));
        assertTrue(failure.contains("No space left on device") && failure.contains("keeps every record it had")
                && failure.contains("free space"), failure);
        assertArrayEquals(Files.readAllBytes(out.resolve("before.jsonl")),
                Files.readAllBytes(out.resolve("after-full-disk.jsonl")), "the results file is as it was");
        assertFalse(read(out, "listing.txt").contains(".part"),
                "no temporary copy is left: " + read(out, "listing.txt"));

        // the same file, copied off the full tmpfs: with room, the rerun resumes every record and drops the stale ones
        Path resumedFile = out.resolve("after-full-disk.jsonl");
        CliProcess.Result resumed = CliProcess.run(dir, null, "annotate", "--corpus", texts.toString(), "--out",
                resumedFile.toString(), "--resume");
        assertEquals(0, resumed.exitCode(), resumed.err());
        assertTrue(resumed.out().contains("Annotated 0 passages")
                && resumed.out().contains((kept.size() - 1) + " passages were in the file already")
                && resumed.out().contains(dropped + " records of passages that are no longer in the files"),
                resumed.out());
        assertEquals(kept, Files.readAllLines(resumedFile), "every kept record, byte for byte, in its order");
    }

    private static String source(String record) {
        return JsonParser.parseString(record).getAsJsonObject().getAsJsonObject("source").get("source").getAsString();
    }

    /** Runs {@code script} as root in a private mount namespace, in {@code dir}, with the CLI's environment. */
    private void runInMountNamespace(String script, ProcessBuilder cliBuilder, Path out) throws Exception {
        ProcessBuilder namespace = new ProcessBuilder("unshare", "--mount", "--", "sh", "-c", script);
        namespace.environment().putAll(cliBuilder.environment()); // the CLI's cache folder
        Process process = namespace.directory(dir.toFile())
                .redirectInput(new File("/dev/null")).redirectErrorStream(true)
                .redirectOutput(out.resolve("script.txt").toFile()).start();
        assertTrue(process.waitFor(10, TimeUnit.MINUTES), "the script finished");
        assertEquals(0, process.exitValue(), read(out, "script.txt"));
    }

    private static String read(Path out, String name) throws Exception {
        Path file = out.resolve(name);
        return Files.exists(file) ? Files.readString(file) : "(no " + name + ")";
    }

    private static String withoutTiming(String report) {
        return report.replaceAll("\"fastMillis\":\\d+", "");
    }

    private static String quoted(Object word) {
        return "'" + word.toString().replace("'", "'\\''") + "'";
    }

    private boolean canMountTmpfs() throws Exception {
        Path probe = Files.createDirectories(dir.resolve("probe"));
        try {
            Process process = new ProcessBuilder(new ArrayList<>(List.of("unshare", "--mount", "--", "mount", "-t",
                    "tmpfs", "-o", "size=1m", "tmpfs", probe.toString()))).redirectErrorStream(true).start();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
