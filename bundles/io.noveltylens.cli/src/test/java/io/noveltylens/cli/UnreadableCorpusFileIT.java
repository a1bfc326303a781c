package io.noveltylens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A corpus file the user may not read is skipped as UNREADABLE with its reason, and the rest is indexed. Root reads
 * every file whatever its mode, and CI runs as root: there the CLI runs as the unprivileged user 65534 (util-linux
 * {@code setpriv}) over a corpus file only root may read; any other user runs it directly over a file with mode 000.
 */
class UnreadableCorpusFileIT {

    private static final int NOBODY = 65534;

    @TempDir
    Path dir;

    @Test
    void anUnreadableFileIsSkippedWithItsReasonAndTheRestIsIndexed() throws Exception {
        boolean root = (int) Files.getAttribute(Path.of("/proc/self"), "unix:uid") == 0;
        // the unprivileged user must be able to reach its work folder inside this test's (root-only) temp folder
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path work = Files.createDirectories(dir.resolve("work"));
        Path corpus = Files.createDirectories(work.resolve("corpus"));
        Files.writeString(corpus.resolve("open.txt"), """
                The orchard was planted in rows of seven, each row a different apple.

                In winter the branches were pruned and the cuttings burned in the yard.
                """);
        Path secret = Files.writeString(corpus.resolve("secret.txt"),
                "Nobody but its owner may read this paragraph.\n");
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString(root ? "rw-------" : "---------"));
        if (root) {
            for (Path owned : List.of(work, corpus, corpus.resolve("open.txt"))) {
                Files.setAttribute(owned, "unix:uid", NOBODY);
                Files.setAttribute(owned, "unix:gid", NOBODY);
            }
        } else if (Files.isReadable(secret)) {
            fail("This user can read a file with mode 000 (a capability such as CAP_DAC_OVERRIDE?), so the test cannot "
                    + "make a file unreadable. Run it as root (it then drops to user 65534 with setpriv) or as a plain user.");
        }

        ProcessBuilder cli = CliProcess.builder(work, List.of("index", "--corpus", corpus.toString(), "--index",
                work.resolve("index").toString()));
        cli.environment().put("NOVELTY_CACHE", work.resolve("cache").toString());
        if (root) {
            List<String> command = new ArrayList<>(List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY,
                    "--clear-groups", "--"));
            command.addAll(cli.command());
            cli.command(command);
        }
        Process process = cli.redirectInput(new File("/dev/null")).redirectOutput(dir.resolve("out.txt").toFile())
                .redirectError(dir.resolve("err.txt").toFile()).start();
        assertTrue(process.waitFor(5, TimeUnit.MINUTES), "novelty index finished");
        String out = Files.readString(dir.resolve("out.txt"));
        assertEquals(0, process.exitValue(), out + Files.readString(dir.resolve("err.txt")));
        assertTrue(out.contains("Indexed 2 distinct passages (2 read) from 1 source(s)"), out);
        assertTrue(out.contains("skipped corpus/secret.txt: UNREADABLE (permission denied)"), out);
    }
}
