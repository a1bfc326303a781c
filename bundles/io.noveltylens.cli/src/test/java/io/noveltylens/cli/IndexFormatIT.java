package io.noveltylens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.noveltylens.core.index.IndexMetadata;
import io.noveltylens.test.support.Folders;

/**
 * An index written by an older version of Novelty Lens, on the command line: `info` names its format, `index --index`
 * alone rebuilds it from the files it records and says so, and `score` over an outdated index answers and says how
 * to bring it up to date. The index is core's committed format-2 fixture (fixtures/index-formats/README.md); one
 * test, because every command loads the model.
 */
class IndexFormatIT {

    @TempDir
    Path dir;

    private CliProcess.Result run(String... args) throws Exception {
        return CliProcess.run(dir, null, args);
    }

    @Test
    void anOlderIndexIsNamedRebuiltFromItsRecordedFilesAndAnOutdatedOneAnswersWithTheCommandToRun() throws Exception {
        Path index = Folders.copy(Path.of("../io.noveltylens.core.tests/fixtures/index-formats/format-2"),
                dir.resolve("format-2")).resolve("index");
        CliProcess.Result info = run("info", "--index", index.toString());
        assertEquals(0, info.exitCode(), info.err());
        assertTrue(info.out().contains("Format:      2 (older than this version's " + IndexMetadata.FORMAT_VERSION),
                info.out());

        CliProcess.Result rebuilt = run("index", "--index", index.toString());
        assertEquals(0, rebuilt.exitCode(), rebuilt.err());
        assertTrue(rebuilt.out().contains("Rebuilt the index in " + index + " from the 2 source(s) it records, "
                + "from format 2 to format " + IndexMetadata.FORMAT_VERSION), rebuilt.out());
        assertTrue(run("info", "--index", index.toString()).out()
                .contains("Format:      " + IndexMetadata.FORMAT_VERSION + "\n"));
        CliProcess.Result again = run("index", "--index", index.toString());
        assertTrue(again.out().contains("is up to date: format " + IndexMetadata.FORMAT_VERSION), again.out());

        CliProcess.Result current = run("score", "--no-hull", "--index", index.toString(), "A quiet country house.");
        assertEquals(0, current.exitCode(), current.err());
        assertFalse(current.err().contains("older version"), current.err());

        // a format-3 index whose calibration is of the first calibration format, as the fixture
        // format-3-calibration-1 holds one: made from the rebuilt index by writing that version into its calibration
        Path generation = index.resolve(Files.readString(index.resolve("CURRENT")).strip());
        try (DataOutputStream out = new DataOutputStream(
                Files.newOutputStream(generation.resolve("calibration.bin"), StandardOpenOption.WRITE))) {
            out.writeInt(1);
        }
        CliProcess.Result outdated = run("score", "--no-hull", "--index", index.toString(), "A quiet country house.");
        assertEquals(0, outdated.exitCode(), outdated.err());
        assertTrue(outdated.out().contains("Nearest"), outdated.out());
        assertTrue(outdated.err().contains("was written by an older version of Novelty Lens (format "
                + IndexMetadata.FORMAT_VERSION + " with an older calibration")
                && outdated.err().contains("novelty index --index " + index), outdated.err());
    }
}
