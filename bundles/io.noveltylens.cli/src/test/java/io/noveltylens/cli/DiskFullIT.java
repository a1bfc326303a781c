package io.noveltylens.cli;

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
        ProcessBuilder namespace = new ProcessBuilder("unshare", "--mount", "--", "sh", "-c", script);
        namespace.environment().putAll(cliBuilder.environment()); // the CLI's cache folder
        Process process = namespace.directory(dir.toFile())
                .redirectInput(new File("/dev/null")).redirectErrorStream(true)
                .redirectOutput(out.resolve("script.txt").toFile()).start();
        assertTrue(process.waitFor(10, TimeUnit.MINUTES), "the script finished");
        assertEquals(0, process.exitValue(), read(out, "script.txt"));
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
