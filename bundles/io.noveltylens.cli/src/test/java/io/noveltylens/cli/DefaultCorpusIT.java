package io.noveltylens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** The CLI on the shipped default model and corpus, with no set-up: what the README promises. */
class DefaultCorpusIT {

    private static final Path HERE = Path.of(".").toAbsolutePath();

    @Test
    void scoresTheOpeningOfPrideAndPrejudiceWithAustenFirst() throws Exception {
        long start = System.nanoTime();
        CliProcess.Result result = CliProcess.run(HERE, null, "score",
                "It is a truth universally acknowledged, that a single man in possession of a good fortune, must be in want of a wife.");
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(0, result.exitCode(), result.err());
        List<String> lines = result.out().lines().toList();
        String first = lines.stream().filter(line -> line.matches("\\s+1\\s+[01]\\.\\d+.*")).findFirst().orElseThrow();
        assertTrue(first.contains("corpus/austen.txt.gz"), result.out());
        assertTrue(first.contains("truth universally acknowledged"), result.out());
        for (String readout : List.of("Density", "Verbatim", "Hull", "Depth")) {
            assertTrue(result.out().contains(readout), "prints the " + readout + " readout:\n" + result.out());
        }
        System.out
                .println("novelty score, whole process (JVM start, model load, index open, report): " + millis + " ms");
    }

    @Test
    void readsPassagesFromStandardInputAndWritesJsonLines() throws Exception {
        CliProcess.Result result = CliProcess.run(HERE,
                "In the beginning God created the heaven and the earth.\nThe transistor count doubled every two years.\n",
                "score", "--no-hull", "-");
        assertEquals(0, result.exitCode(), result.err());
        List<String> lines = result.out().lines().toList();
        assertEquals(2, lines.size(), result.out());
        JsonObject genesis = JsonParser.parseString(lines.get(0)).getAsJsonObject();
        JsonObject transistor = JsonParser.parseString(lines.get(1)).getAsJsonObject();
        assertEquals("NEAR_DUPLICATE", genesis.get("verdict").getAsString());
        double genesisPercentile = genesis.getAsJsonObject("density").get("percentile").getAsDouble();
        double transistorPercentile = transistor.getAsJsonObject("density").get("percentile").getAsDouble();
        assertTrue(genesisPercentile < transistorPercentile, genesisPercentile + " vs " + transistorPercentile);
    }

    /**
     * The README's sample paragraph: its second sentence quotes 23 words of Pride and Prejudice, which the headline
     * must name with its source although the rest is invented; "Mrs." does not end a sentence; each sentence's
     * percentile is read against corpus sentences, the paragraph's against passages of several sentences.
     */
    @Test
    void theHeadlineNamesAQuotationAndSentencesAreSplitAsAReaderWould() throws Exception {
        String paragraph = "The letter came on a Tuesday, folded twice and smelling faintly of lavender. It is a truth "
                + "universally acknowledged, that a single man in possession of a good fortune, must be in want of a "
                + "wife. Mrs. Pell read the line aloud. Mr. Darcy smiled.";
        CliProcess.Result result = CliProcess.run(HERE, null, "score", "--json", "--no-hull", paragraph);
        assertEquals(0, result.exitCode(), result.err());
        JsonObject report = JsonParser.parseString(result.out()).getAsJsonObject();
        String headline = report.get("headline").getAsString();
        assertTrue(headline.contains("23 words verbatim from austen.txt.gz:"), headline);
        var sentences = report.getAsJsonArray("sentences");
        assertEquals(4, sentences.size(), result.out());
        JsonObject pell = sentences.get(2).getAsJsonObject();
        assertEquals("Mrs. Pell read the line aloud.",
                paragraph.substring(pell.get("start").getAsInt(), pell.get("end").getAsInt()));
        assertTrue(report.getAsJsonObject("density").get("comparedWith").getAsString()
                .startsWith("corpus passages of several sentences"), result.out());
    }

    @Test
    void infoDescribesTheShippedIndex() throws Exception {
        CliProcess.Result result = CliProcess.run(HERE, null, "info");
        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().contains("sentence-transformers/all-MiniLM-L6-v2"), result.out());
        assertTrue(result.out().contains("corpus/kjv.txt.gz"), result.out());
    }

    @Test
    void embedPrintsUnitVectorsOfTheModelsDimension() throws Exception {
        CliProcess.Result result = CliProcess.run(HERE, "first line\nsecond line\n", "embed", "-");
        assertEquals(0, result.exitCode(), result.err());
        List<String> lines = result.out().lines().toList();
        assertEquals(2, lines.size());
        var vector = JsonParser.parseString(lines.get(0)).getAsJsonObject().getAsJsonArray("vector");
        assertEquals(384, vector.size());
        double norm = 0;
        for (var value : vector) {
            norm += value.getAsDouble() * value.getAsDouble();
        }
        assertEquals(1.0, norm, 1e-4);
    }
}
