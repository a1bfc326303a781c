package io.noveltylens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.noveltylens.test.support.Folders;
import io.noveltylens.test.support.ModelTampering;

/**
 * A model file rewritten with its size and modification time kept looks unchanged to the fingerprint cache, so the
 * engine answers at once and checks the files in the background (docs/benchmarks.md, Start-up). A one-shot command
 * must not end before that check: {@code novelty annotate} on the rewritten model ends with the model exit code and
 * writes no results file; the next command refuses the index, built with the model as it was.
 */
class ModelChangeIT {

    private static final Path SHIPPED = Path.of("..", "io.noveltylens.model.minilm", "models", "all-minilm-l6-v2");

    @TempDir
    Path dir;

    @Test
    void aModelRewrittenInPlaceFailsTheCommandThatUsedIt() throws Exception {
        Path model = Folders.copy(SHIPPED, dir.resolve("model"));
        Path corpus = Files.createDirectories(dir.resolve("corpus"));
        Files.writeString(corpus.resolve("a.txt"), """
                The lighthouse keeper wrote letters to nobody.

                Every evening the fog came in from the sea and stayed until morning.

                Ships passed without stopping, their lights moving slowly along the horizon.
                """);
        String index = dir.resolve("index").toString();
        CliProcess.Result built = CliProcess.run(dir, null, "index", "--model", model.toString(), "--index", index,
                "--corpus", corpus.toString());
        assertEquals(ExitCodes.OK, built.exitCode(), built.err());
        List<String> score = List.of("score", "--model", model.toString(), "--index", index, "--no-hull",
                "The fog stayed all night.");
        CliProcess.Result before = CliProcess.run(dir, null, score.toArray(String[]::new));
        assertEquals(ExitCodes.OK, before.exitCode(), before.err());

        ModelTampering.flipOneBitKeepingTime(model.resolve("all-minilm-l6-v2.onnx"));

        Path results = dir.resolve("results.jsonl");
        CliProcess.Result annotated = CliProcess.run(dir, null, "annotate", "--model", model.toString(), "--index",
                index, "--out", results.toString(), corpus.toString());
        assertEquals(ExitCodes.MODEL, annotated.exitCode(), annotated.out() + annotated.err());
        assertTrue(annotated.err().contains("changed without changing their size or modification time"),
                annotated.err());
        assertTrue(Files.notExists(results), "no results of the changed model are written");

        // the check remembered the files as they are now: the index, built with the model as it was, is refused
        CliProcess.Result after = CliProcess.run(dir, null, score.toArray(String[]::new));
        assertEquals(ExitCodes.INDEX, after.exitCode(), after.out() + after.err());
    }
}
