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

    private static final Pattern EMBEDDED = Pattern.compile("embedded ([\\d,]+), reused ([\\d,]+)"); //$NON-NLS-1$
    private static final String PROBE = "And God said, Let there be light: and there was light."; //$NON-NLS-1$
    /** 32-byte content hash, 384 floats and a CRC per passage (EmbeddingCache's record). */
    private static final int CACHE_RECORD = 32 + 4 * 384 + 4;
    private static final int EXIT_IO = 6;

    @TempDir
    Path dir;

    @Test
    void aRebuildThatFillsTheDiskFailsCleanlyAndKeepsThePreviousIndex() throws Exception {
        Assumptions.assumeTrue(canMountTmpfs(), "unshare --mount with a tmpfs is not available to this user (CI runs as root)"); //$NON-NLS-1$
        List<String> verses = TextLines.read(Path.of("../io.noveltylens.core.tests/fixtures/kjv-1000.txt.gz")); //$NON-NLS-1$
        Path small = Files.createDirectories(dir.resolve("small")); //$NON-NLS-1$
        Files.write(small.resolve("first.txt"), verses.subList(0, 100)); //$NON-NLS-1$
        Path large = Files.createDirectories(dir.resolve("large")); //$NON-NLS-1$
        Files.write(large.resolve("first.txt"), verses.subList(0, 100)); //$NON-NLS-1$
        Files.write(large.resolve("second.txt"), verses.subList(100, 500)); //$NON-NLS-1$
        Path disk = Files.createDirectories(dir.resolve("disk")); //$NON-NLS-1$
        Path index = disk.resolve("index"); //$NON-NLS-1$
        Path out = Files.createDirectories(dir.resolve("out")); //$NON-NLS-1$
        long room = 400L * CACHE_RECORD + (256 << 10); // the generation of 500 passages needs well over 256 KiB

        ProcessBuilder cliBuilder = CliProcess.builder(dir, List.of());
        String cli = String.join(" ", cliBuilder.command().stream().map(DiskFullIT::quoted).toList()); //$NON-NLS-1$
        String script = String.join("\n", //$NON-NLS-1$
                "set -u", //$NON-NLS-1$
                "mount -t tmpfs -o size=64m tmpfs " + quoted(disk) + " || exit 90", //$NON-NLS-1$ //$NON-NLS-2$
                cli + " index --corpus " + quoted(small) + " --index " + quoted(index) + " >out/build1.txt 2>&1; echo $? >out/build1.rc", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
                cli + " score --index " + quoted(index) + " --no-hull --json " + quoted(PROBE) + " >out/score1.txt 2>out/score1.err", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
                "used=$(df --output=used -B1 " + quoted(disk) + " | tail -n 1)", //$NON-NLS-1$ //$NON-NLS-2$
                "mount -o remount,size=$((used + " + room + ")) " + quoted(disk) + " || exit 91", //$NON-NLS-1$ //$NON-NLS-2$
                "df -B1 " + quoted(disk) + " >out/df.txt", //$NON-NLS-1$ //$NON-NLS-2$
                cli + " index --corpus " + quoted(large) + " --index " + quoted(index) + " >out/build2.txt 2>out/build2.err; echo $? >out/build2.rc", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
                cli + " score --index " + quoted(index) + " --no-hull --json " + quoted(PROBE) + " >out/score2.txt 2>out/score2.err", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
                "ls -a " + quoted(index) + " >out/listing.txt", //$NON-NLS-1$ //$NON-NLS-2$
                "cp -a " + quoted(index) + " out/index-after-full-disk", //$NON-NLS-1$ //$NON-NLS-2$
                ""); //$NON-NLS-1$
        ProcessBuilder namespace = new ProcessBuilder("unshare", "--mount", "--", "sh", "-c", script); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$
        namespace.environment().putAll(cliBuilder.environment()); // the CLI's cache folder
        Process process = namespace.directory(dir.toFile())
                .redirectInput(new File("/dev/null")).redirectErrorStream(true) //$NON-NLS-1$
                .redirectOutput(out.resolve("script.txt").toFile()).start(); //$NON-NLS-1$
        assertTrue(process.waitFor(10, TimeUnit.MINUTES), "the script finished"); //$NON-NLS-1$
        assertEquals(0, process.exitValue(), read(out, "script.txt")); //$NON-NLS-1$
        assertEquals("0", read(out, "build1.rc").strip(), read(out, "build1.txt")); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$

        String failure = read(out, "build2.err"); //$NON-NLS-1$
        System.out.println("DiskFull: " + read(out, "df.txt").lines().skip(1).findFirst().orElse("") + " -> " //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
                + failure.strip().lines().reduce((first, last) -> last).orElse("")); //$NON-NLS-1$
        assertEquals(String.valueOf(EXIT_IO), read(out, "build2.rc").strip(), failure + read(out, "build2.txt")); //$NON-NLS-1$ //$NON-NLS-2$
        assertTrue(failure.contains("No space left on device") && failure.contains("check free space") //$NON-NLS-1$ //$NON-NLS-2$
                && failure.contains("The previous index is unchanged"), failure); //$NON-NLS-1$
        assertFalse(read(out, "score1.txt").isBlank(), read(out, "score1.err")); //$NON-NLS-1$ //$NON-NLS-2$
        assertEquals(withoutTiming(read(out, "score1.txt")), withoutTiming(read(out, "score2.txt")), //$NON-NLS-1$ //$NON-NLS-2$
                "the previous index answers exactly as before"); //$NON-NLS-1$
        assertFalse(read(out, "listing.txt").contains(".tmp"), "no temporary generation is left: " + read(out, "listing.txt")); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$

        // the same index, copied off the full tmpfs: with room, the rebuild reuses every embedding the failed run cached
        CliProcess.Result resumed = CliProcess.run(dir, null, "index", "--corpus", large.toString(), "--index", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
                out.resolve("index-after-full-disk").toString()); //$NON-NLS-1$
        assertEquals(0, resumed.exitCode(), resumed.err());
        Matcher counts = EMBEDDED.matcher(resumed.out());
        assertTrue(counts.find(), resumed.out());
        assertEquals("0", counts.group(1), "the embedding cache survived the full disk intact: " + resumed.out()); //$NON-NLS-1$ //$NON-NLS-2$
    }

    private static String read(Path out, String name) throws Exception {
        Path file = out.resolve(name);
        return Files.exists(file) ? Files.readString(file) : "(no " + name + ")"; //$NON-NLS-1$ //$NON-NLS-2$
    }

    private static String withoutTiming(String report) {
        return report.replaceAll("\"fastMillis\":\\d+", ""); //$NON-NLS-1$ //$NON-NLS-2$
    }

    private static String quoted(Object word) {
        return "'" + word.toString().replace("'", "'\\''") + "'"; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
    }

    private boolean canMountTmpfs() throws Exception {
        Path probe = Files.createDirectories(dir.resolve("probe")); //$NON-NLS-1$
        try {
            Process process = new ProcessBuilder(new ArrayList<>(List.of("unshare", "--mount", "--", "mount", "-t", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$
                    "tmpfs", "-o", "size=1m", "tmpfs", probe.toString()))).redirectErrorStream(true).start(); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
