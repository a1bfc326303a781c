package io.noveltylens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI indexes and scores inside a network namespace that has no interface at all (not even loopback): any
 * attempt to reach a model hub, a telemetry endpoint or a metadata service would fail there. Needs util-linux's
 * unshare and the right to create a namespace (root, as in CI).
 */
class NoNetworkIT {

    @TempDir
    Path dir;

    @Test
    void indexAndScoreWorkWithoutAnyNetwork() throws Exception {
        Assumptions.assumeTrue(canUnshareNetwork(), "unshare -n is not available to this user (CI runs as root)");
        Path corpus = Files.createDirectories(dir.resolve("corpus"));
        Files.writeString(corpus.resolve("notes.txt"), """
                The orchard was planted in rows of seven, each row a different apple.

                In winter the branches were pruned and the cuttings burned in the yard.
                """);
        assertEquals(0, offline("index", "--corpus", corpus.toString(), "--index", dir.resolve("index").toString()));
        assertEquals(0, offline("score", "--index", dir.resolve("index").toString(), "--json", "apple trees in rows"));
        assertTrue(Files.readString(dir.resolve("out.txt")).contains("orchard"), "the offline run printed its report");
    }

    private int offline(String... args) throws Exception {
        ProcessBuilder cli = CliProcess.builder(dir, List.of(args));
        List<String> command = new ArrayList<>(List.of("unshare", "--net", "--"));
        command.addAll(cli.command());
        Process process = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(dir.resolve("out.txt").toFile()).redirectError(dir.resolve("err.txt").toFile())
                .start();
        process.getOutputStream().close();
        assertTrue(process.waitFor(5, TimeUnit.MINUTES), "finished");
        if (process.exitValue() != 0) {
            System.err.println(Files.readString(dir.resolve("err.txt")));
        }
        return process.exitValue();
    }

    private static boolean canUnshareNetwork() throws Exception {
        try {
            Process probe = new ProcessBuilder("unshare", "--net", "--", "true").start();
            return probe.waitFor(30, TimeUnit.SECONDS) && probe.exitValue() == 0;
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
