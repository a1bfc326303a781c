package io.noveltylens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.noveltylens.core.Progress;
import io.noveltylens.core.engine.EngineConfig;
import picocli.CommandLine;

/**
 * The command line in process, up to where a command would load a model: what each option becomes, and what a wrong
 * command line or input prints and returns. The packaged jar is tested the same way by CommandLineErrorsIT.
 */
class CommandLineParsingTest {

    private static final CliPaths PATHS = new CliPaths(Path.of("shipped-model"), Path.of("shipped-index"),
            Path.of("cache"));

    @TempDir
    Path dir;

    /** What one run printed and returned. */
    private record Run(int exitCode, String out, String err) {
    }

    private static Run run(byte[] stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.commandLine(PATHS, new ByteArrayInputStream(stdin),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                Progress.NONE).execute(args);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Run run(String... args) {
        return run(new byte[0], args);
    }

    /** The parsed command line, for reading what its options became. */
    private static CommandLine parsed(String... args) {
        CommandLine commandLine = Main.commandLine(PATHS, InputStream.nullInputStream(), System.out, System.err,
                Progress.NONE);
        return commandLine.parseArgs(args).subcommand().commandSpec().commandLine();
    }

    @Test
    void engineOptionsBecomeTheEngineConfiguration() {
        EngineOptions options = (EngineOptions) parsed("score", "--index", "my-index", "--model", "my-model", "--k",
                "7", "--budget-ms", "250", "some", "text").getMixins().get("engineOptions");
        assertEquals(new EngineConfig(Path.of("my-model"), Path.of("my-index"), Path.of("cache"), 7,
                Duration.ofMillis(250)), options.config(PATHS));
    }

    @Test
    void withoutOptionsTheEngineRunsOnTheShippedModelAndIndexWithTheDefaults() {
        EngineOptions options = (EngineOptions) parsed("annotate", "notes").getMixins().get("engineOptions");
        assertEquals(new EngineConfig(Path.of("shipped-model"), Path.of("shipped-index"), Path.of("cache"),
                EngineConfig.DEFAULT_K, EngineOptions.HULL_BUDGET), options.config(PATHS));
    }

    @Test
    void aRepeatedOptionKeepsItsLastValue() {
        EngineOptions options = (EngineOptions) parsed("score", "--k", "5", "--k", "6", "text").getMixins()
                .get("engineOptions");
        assertEquals(6, options.config(PATHS).k());
    }

    /** Checked before the engine opens: the missing index here is never reached. */
    @Test
    void anUnknownExclusionIsAUsageErrorNamingTheKnownOnes() {
        Run run = run("score", "--index", "no-such-index", "--exclude", "markup,quotes", "some", "text");
        assertEquals(ExitCodes.USAGE, run.exitCode(), run.err());
        assertTrue(run.err().contains("--exclude: unknown exclusion 'quotes': use none or any of "
                + "markup,front-matter,code,quotations,citations"), run.err());
    }

    @Test
    void theCorpusIsEveryPathGivenWithOrWithoutCorpusOptions() {
        CorpusPaths corpus = (CorpusPaths) parsed("index", "--corpus", "a", "b", "--index", "i", "--corpus", "c")
                .getMixins().get("corpusPaths");
        assertEquals(List.of(Path.of("a"), Path.of("c"), Path.of("b")), corpus.all());
    }

    @Test
    void everyCommandHasItsGeneratedHelp() {
        for (String command : List.of("index", "score", "annotate", "compare", "embed", "info", "hull", "solr",
                "solr create", "generate-completion")) {
            List<String> args = new ArrayList<>(List.of(command.split(" ")));
            args.add("--help");
            Run run = run(args.toArray(String[]::new));
            assertEquals(ExitCodes.OK, run.exitCode(), run.err());
            assertTrue(run.out().startsWith("Usage: novelty " + command), run.out());
        }
    }

    @Test
    void theCommandListNamesEveryCommandAndTheExitCodes() {
        Run run = run("--help");
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        for (String command : List.of("index", "score", "annotate", "compare", "embed", "info", "hull", "solr",
                "generate-completion")) {
            assertTrue(run.out().contains("\n  " + command + " "), command + " in\n" + run.out());
        }
        assertTrue(run.out().contains("Exit codes:") && run.out().contains("130"), run.out());
    }

    @Test
    void versionNamesTheCliAndItsJava() {
        Run run = run("--version");
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("novelty ") && run.out().contains("Java " + Runtime.version()), run.out());
    }

    @Test
    void aCommandGroupWithoutACommandListsItsCommandsAsAUsageError() {
        Run bare = run();
        assertEquals(ExitCodes.USAGE, bare.exitCode());
        assertTrue(bare.err().startsWith("Usage: novelty") && bare.err().contains("score"), bare.err());
        Run solr = run("solr");
        assertEquals(ExitCodes.USAGE, solr.exitCode());
        assertTrue(solr.err().contains("create"), solr.err());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "frobnicate                          | novelty: Unmatched argument at index 0: 'frobnicate'. Run 'novelty --help'.",
            "score --bogus text                  | novelty score: Unknown option: '--bogus'. Run 'novelty score --help'.",
            "score --k                           | novelty score: Missing required parameter for option '--k' (N)",
            "score --k many text                 | novelty score: Invalid value for option '--k': 'many' is not an int",
            "score --k 0 text                    | novelty score: --k must be between 1 and 1000, not 0",
            "score --budget-ms 600001 text       | novelty score: --budget-ms must be between 1 and 600000, not 600001",
            "score --no-hull                     | give the text to analyse, --file F, or - to read lines from stdin",
            "score --collection books text       | options need --solr URLS or --zk HOSTS",
            "index                               | novelty index: give the corpus (--corpus PATH, repeatable)",
            "index --corpus c --k 1001 --index i | novelty index: --k must be between 1 and 1000, not 1001",
            "annotate --corpus c --out r.txt     | --out r.txt must end in .jsonl",
            "compare                             | novelty compare: Missing required option: '--group=NAME=PATH'",
            "compare --group a=x --group a=y     | give at least two groups to compare: --group NAME=PATH, again",
            "compare --group a=x --group b       | --group b must be NAME=PATH",
            "compare --group a=x --group =y      | --group =y must be NAME=PATH",
            "compare --group a=x --group b=y --bootstrap 99 | --bootstrap must be between 100 and 1000000, not 99",
            "compare --group a=x --group b=y --resume | --resume continues the results files of --out DIR",
            "info extra                          | novelty info: Unmatched argument at index 1: 'extra'",
            "hull --points p.tsv                 | novelty hull: Missing required option: '--query=FILE'",
            "hull --points p --query q --budget-ms 0 | --budget-ms must be between 1 and 3600000, not 0",
            "solr frob                           | novelty solr: Unmatched argument at index 1: 'frob'",
            "solr create --collection c          | options need --solr URLS or --zk HOSTS",
            "solr create --solr http://h:8983/solr --collection c --replicas 17 | --replicas must be between 1 and 16",
    })
    void aWrongCommandLineIsAUsageErrorThatSaysWhatIsWrongAndPointsToHelp(String args, String message) {
        Run run = run(args.split(" "));
        assertEquals(ExitCodes.USAGE, run.exitCode(), run.err());
        assertTrue(run.err().contains(message), run.err());
        assertTrue(run.err().contains("--help'."), run.err());
        assertEquals("", run.out());
    }

    @Test
    void aMisspeltOptionGetsASuggestion() {
        Run run = run("score", "--jsn", "text");
        assertEquals(ExitCodes.USAGE, run.exitCode());
        assertTrue(run.err().contains("--json"), run.err());
    }

    @Test
    void binaryOnStandardInputIsRefusedAsNotUtf8TextBeforeAnyModelLoads() {
        byte[] binary = new byte[4096];
        new Random(15).nextBytes(binary);
        for (String command : List.of("score", "embed")) {
            Run run = run(binary, command, "-");
            assertEquals(ExitCodes.USAGE, run.exitCode(), run.err());
            assertTrue(run.err().startsWith("novelty " + command + ": Standard input is not UTF-8 text: byte "),
                    run.err());
            assertEquals("", run.out());
        }
    }

    @Test
    void aFileInAnotherEncodingIsRefusedWithWhereItStopsBeingUtf8() throws Exception {
        Path latin1 = Files.write(dir.resolve("latin1.txt"), "first line\nun caf\u00e9 noir\n"
                .getBytes(StandardCharsets.ISO_8859_1));
        Run run = run("score", "--file", latin1.toString());
        assertEquals(ExitCodes.USAGE, run.exitCode(), run.err());
        assertTrue(run.err().contains(latin1 + " is not UTF-8 text: byte 18 (line 2)"), run.err());
    }

    @Test
    void theCompletionScriptCompletesTheCommandsAndTheirOptions() {
        Run run = run("generate-completion");
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        assertTrue(run.out().contains("complete -F _complete_novelty"), run.out());
        for (String word : List.of("annotate", "--no-hull", "--budget-ms", "--collection", "create")) {
            assertTrue(run.out().contains(word), word);
        }
    }
}
