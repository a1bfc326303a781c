package io.noveltylens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** {@code novelty annotate} on a small folder against the shipped default corpus, as a researcher runs it. */
class AnnotateIT {

    private static final Path HERE = Path.of(".").toAbsolutePath();
    private static final String AUSTEN = "It is a truth universally acknowledged, that a single man in possession of a good fortune, must be in want of a wife.";
    private static final String NEW = "Our lab's centrifuge hums in B-flat, which the interns, somehow, find \"soothing\".";

    /** Two files, the Austen sentence in both: three passage occurrences. */
    private static Path folder(Path dir) throws Exception {
        Path notes = Files.createDirectories(dir.resolve("notes"));
        Files.writeString(notes.resolve("draft.md"), AUSTEN + "\n\n" + NEW + "\n");
        Files.writeString(notes.resolve("quote.txt"), AUSTEN + "\n");
        return notes;
    }

    @Test
    void writesOneJsonLinesRecordPerPassageOccurrence(@TempDir Path dir) throws Exception {
        Path notes = folder(dir);
        Path out = dir.resolve("results.jsonl");

        CliProcess.Result result = CliProcess.run(HERE, null, "annotate", "--corpus", notes.toString(), "--out",
                out.toString());

        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().contains("Annotated 3 passages from 2 file(s)"), result.out());
        List<JsonObject> records = Files.readAllLines(out, StandardCharsets.UTF_8).stream()
                .map(line -> JsonParser.parseString(line).getAsJsonObject()).toList();
        assertEquals(3, records.size());
        List<JsonObject> austen = records.stream().filter(r -> r.get("text").getAsString().equals(AUSTEN)).toList();
        assertEquals(2, austen.size(), "the repeated sentence is a record at each place");
        for (JsonObject record : austen) {
            assertEquals("NEAR_DUPLICATE", record.get("verdict").getAsString());
            assertTrue(record.getAsJsonArray("neighbours").get(0).getAsJsonObject().getAsJsonArray("sources").get(0)
                    .getAsJsonObject().get("source").getAsString().contains("austen"), record.toString());
            JsonObject source = record.getAsJsonObject("source");
            assertEquals(1, source.get("line").getAsInt());
            assertEquals(0, source.get("start").getAsInt());
        }
        JsonObject fresh = records.stream().filter(r -> r.get("text").getAsString().equals(NEW)).findFirst()
                .orElseThrow();
        assertEquals(3, fresh.getAsJsonObject("source").get("line").getAsInt());
        assertTrue(fresh.getAsJsonObject("density").get("percentile").getAsDouble() > austen.get(0)
                .getAsJsonObject("density").get("percentile").getAsDouble());
        assertFalse(records.get(0).has("hull"), "no hull readouts without --hull");
        assertEquals(List.of(notes, out), listing(dir), "no temporary file left beside the output");
    }

    @Test
    void writesCsvWithQuotedTextAndHullColumns(@TempDir Path dir) throws Exception {
        Path notes = folder(dir);
        Path out = dir.resolve("results.csv");

        CliProcess.Result result = CliProcess.run(HERE, null, "annotate", "--corpus", notes.toString(), "--hull",
                "--out", out.toString());

        assertEquals(0, result.exitCode(), result.err());
        String csv = Files.readString(out, StandardCharsets.UTF_8);
        List<String> records = List.of(csv.split("\r\n"));
        assertEquals(4, records.size(), "header and three rows, CRLF-terminated:\n" + csv);
        List<String> header = List.of(records.get(0).split(","));
        assertEquals(List.of("text", "source.source", "source.start", "source.end", "source.line"),
                header.subList(0, 5));
        assertTrue(header.containsAll(List.of("density.percentile", "density.lof", "density.loop",
                "verbatim.coverage.5", "verbatim.coverage.12", "neighbours.1.cosine", "hull.verdict",
                "hull.depth.depth")),
                header.toString());
        String quoted = '"' + NEW.replace("\"", "\"\"") + '"';
        String row = records.stream().filter(r -> r.startsWith(quoted + ',')).findFirst()
                .orElseThrow(() -> new AssertionError(csv));
        assertTrue(row.contains(",OUTSIDE,") || row.contains(",INSIDE,") || row.contains(",UNDETERMINED,"),
                "hull verdict filled with --hull: " + row);
    }

    @Test
    void refusesAnOutputOfUnknownFormatAndKeepsAnEarlierFile(@TempDir Path dir) throws Exception {
        Path notes = folder(dir);
        Path earlier = Files.writeString(dir.resolve("results.txt"), "earlier");

        CliProcess.Result result = CliProcess.run(HERE, null, "annotate", "--corpus", notes.toString(), "--out",
                earlier.toString());

        assertEquals(ExitCodes.USAGE, result.exitCode(), result.err());
        assertTrue(result.err().contains(".jsonl") && result.err().contains(".csv"), result.err());
        assertEquals("earlier", Files.readString(earlier));
    }

    /**
     * --resume: a second run over a folder that gained a file scores only that file's passage; a run with other
     * settings is refused and the file kept; a passage the exclusions leave nothing of is listed, not scored.
     */
    @Test
    void resumeScoresOnlyWhatTheFileLacksAndRefusesAnotherRunsFile(@TempDir Path dir) throws Exception {
        Path notes = folder(dir);
        Path out = dir.resolve("results.jsonl");
        CliProcess.Result first = CliProcess.run(HERE, null, "annotate", "--corpus", notes.toString(), "--out",
                out.toString(), "--resume");
        assertEquals(0, first.exitCode(), first.err());
        assertEquals(4, Files.readAllLines(out).size(), "the header and three records");
        Files.writeString(notes.resolve("later.md"), "```\nmake all\n```\n\n" + NEW.replace("lab's", "team's") + "\n");

        CliProcess.Result second = CliProcess.run(HERE, null, "annotate", "--corpus", notes.toString(), "--out",
                out.toString(), "--resume");

        assertEquals(0, second.exitCode(), second.err());
        assertTrue(second.out().contains("Annotated 1 passages from 3 file(s)"), second.out());
        assertTrue(second.out().contains("3 passages were in the file already"), second.out());
        assertTrue(second.out().contains("1 passages were left out entirely by --exclude")
                && second.out().contains(notes.resolve("later.md") + ":1"), second.out());
        List<String> lines = Files.readAllLines(out);
        assertEquals(5, lines.size());
        assertTrue(JsonParser.parseString(lines.get(0)).getAsJsonObject().has("noveltyLensResults"), lines.get(0));

        CliProcess.Result other = CliProcess.run(HERE, null, "annotate", "--corpus", notes.toString(), "--out",
                out.toString(), "--resume", "--exclude", "none");

        assertEquals(ExitCodes.USAGE, other.exitCode(), other.err());
        assertTrue(other.err().contains("holds the results of another annotation run")
                && other.err().contains("left out: none now") && other.err().contains("delete " + out),
                other.err());
        assertEquals(lines, Files.readAllLines(out));
    }

    /**
     * --resume to a CSV: the records go to FILE.csv.results.jsonl, the CSV is written from it. A first run over part
     * of the folder (what a cancelled run leaves), then one edited file and a new one: the second run scores only what
     * is new, drops the edited passage's old record, and its CSV equals that of a plain run over the folder now.
     */
    @Test
    void resumeToCsvScoresOnlyWhatIsNewAndEndsWithThePlainRunsCsv(@TempDir Path dir) throws Exception {
        Path notes = Files.createDirectories(dir.resolve("notes"));
        Files.writeString(notes.resolve("draft.md"), AUSTEN + "\n\n" + NEW + "\n");
        Path out = dir.resolve("results.csv");
        CliProcess.Result first = CliProcess.run(HERE, null, "annotate", "--corpus", notes.toString(), "--out",
                out.toString(), "--resume");
        assertEquals(0, first.exitCode(), first.err());
        Path store = dir.resolve("results.csv.results.jsonl");
        assertEquals(3, Files.readAllLines(store).size(), "the header and two records");
        Files.writeString(notes.resolve("draft.md"), AUSTEN + "\n\n" + NEW.replace("lab's", "team's") + "\n");
        Files.writeString(notes.resolve("quote.txt"), AUSTEN + "\n");

        CliProcess.Result second = CliProcess.run(HERE, null, "annotate", "--corpus", notes.toString(), "--out",
                out.toString(), "--resume");

        assertEquals(0, second.exitCode(), second.err());
        assertTrue(second.out().contains("Annotated 2 passages from 2 file(s)"), second.out());
        assertTrue(second.out().contains("1 passages were in the file already"), second.out());
        assertTrue(second.out().contains("1 records of passages that are no longer in the files were dropped"),
                second.out());
        Path plain = dir.resolve("plain.csv");
        CliProcess.Result oracle = CliProcess.run(HERE, null, "annotate", "--corpus", notes.toString(), "--out",
                plain.toString());
        assertEquals(0, oracle.exitCode(), oracle.err());
        assertEquals(Files.readString(plain), Files.readString(out), "the CSV has no timing column: equal bytes");
        assertEquals(4, Files.readAllLines(store).size(), "the header and the three passages there are now");
    }

    private static List<Path> listing(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        }
    }
}
