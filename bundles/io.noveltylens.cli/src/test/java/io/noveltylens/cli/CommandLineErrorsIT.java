package io.noveltylens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Wrong command lines and bad inputs get a message that says what to do, and an exit code a script can test. */
class CommandLineErrorsIT {

    @TempDir
    Path dir;

    private CliProcess.Result run(String... args) throws Exception {
        return CliProcess.run(dir, null, args);
    }

    @Test
    void usageErrorsExitWithTwoAndPointToHelp() throws Exception {
        for (String[] args : new String[][] { { "frobnicate" }, { "score", "--bogus", "text" }, { "index" },
                { "score", "--k" }, { "score", "--k", "many", "text" }, { "hull", "--points", "p.tsv" } }) {
            CliProcess.Result result = run(args);
            assertEquals(ExitCodes.USAGE, result.exitCode(), String.join(" ", args) + ": " + result.err());
            assertTrue(result.err().contains("--help"), result.err());
        }
    }

    @Test
    void helpIsAvailableForEveryCommand() throws Exception {
        for (String command : new String[] { "index", "score", "annotate", "embed", "info", "hull" }) {
            CliProcess.Result result = run(command, "--help");
            assertEquals(0, result.exitCode());
            assertTrue(result.out().startsWith("Usage: novelty " + command), result.out());
        }
    }

    @Test
    void aMissingIndexExitsWithTheIndexCodeAndSaysHowToBuildOne() throws Exception {
        CliProcess.Result result = run("score", "--index", dir.resolve("none").toString(), "some text to score");
        assertEquals(4, result.exitCode(), result.err());
        assertTrue(result.err().contains("novelty index --corpus"), result.err());
        assertFalse(result.err().contains("Preferences"), "the IDE's menu path is the IDE's: " + result.err());
    }

    @Test
    void anEmptyPassageIsBadInput() throws Exception {
        CliProcess.Result result = run("score", "--no-hull", "   ");
        assertEquals(2, result.exitCode(), result.err());
        assertTrue(result.err().contains("empty"), result.err());
    }

    @Test
    void versionNamesTheJarsVersion() throws Exception {
        CliProcess.Result result = run("--version");
        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().matches("novelty \\d+\\.\\d+\\.\\d+\\S*, Java .*\\R"), result.out());
    }

    /** Random bytes are not text: scoring their replacement characters would report nonsense as a finding. */
    @Test
    void randomBytesOnStandardInputAreRefusedAsNotUtf8Text() throws Exception {
        byte[] binary = new byte[64 << 10];
        new Random(15).nextBytes(binary);
        CliProcess.Result result = CliProcess.runWithInput(dir, binary, "score", "-");
        assertEquals(ExitCodes.USAGE, result.exitCode(), result.err());
        assertTrue(result.err().contains("novelty score: Standard input is not UTF-8 text: byte "), result.err());
        assertTrue(result.err().contains("iconv"), result.err());
        assertEquals("", result.out());
    }

    @Test
    void hullRefusesVectorsWithNaNOrOfAnotherDimension() throws Exception {
        Path points = Files.writeString(dir.resolve("points.tsv"), "0\t0\n1\t0\n0\t1\n");
        Path nan = Files.writeString(dir.resolve("nan.tsv"), "0.2\tNaN\n");
        Path wide = Files.writeString(dir.resolve("wide.tsv"), "0.2\t0.2\t0.2\n");
        CliProcess.Result withNaN = run("hull", "--points", points.toString(), "--query", nan.toString());
        assertEquals(2, withNaN.exitCode());
        assertTrue(withNaN.err().contains("finite"), withNaN.err());
        CliProcess.Result wrongDimension = run("hull", "--points", points.toString(), "--query", wide.toString());
        assertEquals(2, wrongDimension.exitCode());
        assertTrue(wrongDimension.err().contains("same space"), wrongDimension.err());
    }

    @Test
    void hullDecidesInsideAndOutsideOfATriangle() throws Exception {
        Path points = Files.writeString(dir.resolve("triangle.tsv"), "0\t0\n1\t0\n0\t1\n");
        Path queries = Files.writeString(dir.resolve("queries.tsv"), "0.2\t0.2\n2\t2\n");
        CliProcess.Result result = run("hull", "--points", points.toString(), "--query", queries.toString());
        assertEquals(0, result.exitCode(), result.err());
        var lines = result.out().lines().filter(line -> line.startsWith("query")).toList();
        assertTrue(lines.get(0).startsWith("query 1: INSIDE"), result.out());
        assertTrue(lines.get(1).startsWith("query 2: OUTSIDE"), result.out());
        // (2,2) is at distance sqrt(2) * 1.5 from the edge x + y = 1
        assertTrue(lines.get(1).contains("2.12"), result.out());
    }
}
