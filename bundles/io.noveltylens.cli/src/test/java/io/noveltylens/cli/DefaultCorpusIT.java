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

    private static final Path HERE = Path.of(".").toAbsolutePath(); //$NON-NLS-1$

    @Test
    void scoresTheOpeningOfPrideAndPrejudiceWithAustenFirst() throws Exception {
        long start = System.nanoTime();
        CliProcess.Result result = CliProcess.run(HERE, null, "score", //$NON-NLS-1$
                "It is a truth universally acknowledged, that a single man in possession of a good fortune, must be in want of a wife."); //$NON-NLS-1$
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(0, result.exitCode(), result.err());
        List<String> lines = result.out().lines().toList();
        String first = lines.stream().filter(line -> line.matches("\\s+1\\s+[01]\\.\\d+.*")).findFirst().orElseThrow(); //$NON-NLS-1$
        assertTrue(first.contains("corpus/austen.txt.gz"), result.out()); //$NON-NLS-1$
        assertTrue(first.contains("truth universally acknowledged"), result.out()); //$NON-NLS-1$
        for (String readout : List.of("Density", "Verbatim", "Hull", "Depth")) { //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
            assertTrue(result.out().contains(readout), "prints the " + readout + " readout:\n" + result.out()); //$NON-NLS-1$ //$NON-NLS-2$
        }
        System.out.println("novelty score, whole process (JVM start, model load, index open, report): " + millis + " ms"); //$NON-NLS-1$ //$NON-NLS-2$
    }

    @Test
    void readsPassagesFromStandardInputAndWritesJsonLines() throws Exception {
        CliProcess.Result result = CliProcess.run(HERE,
                "In the beginning God created the heaven and the earth.\nThe transistor count doubled every two years.\n", //$NON-NLS-1$
                "score", "--no-hull", "-"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
        assertEquals(0, result.exitCode(), result.err());
        List<String> lines = result.out().lines().toList();
        assertEquals(2, lines.size(), result.out());
        JsonObject genesis = JsonParser.parseString(lines.get(0)).getAsJsonObject();
        JsonObject transistor = JsonParser.parseString(lines.get(1)).getAsJsonObject();
        assertEquals("NEAR_DUPLICATE", genesis.get("verdict").getAsString()); //$NON-NLS-1$ //$NON-NLS-2$
        double genesisPercentile = genesis.getAsJsonObject("density").get("percentile").getAsDouble(); //$NON-NLS-1$ //$NON-NLS-2$
        double transistorPercentile = transistor.getAsJsonObject("density").get("percentile").getAsDouble(); //$NON-NLS-1$ //$NON-NLS-2$
        assertTrue(genesisPercentile < transistorPercentile, genesisPercentile + " vs " + transistorPercentile); //$NON-NLS-1$
    }

    /**
     * The README's sample paragraph: its second sentence quotes 23 words of Pride and Prejudice, which the headline
     * must name with its source although the rest is invented; "Mrs." does not end a sentence; each sentence's
     * percentile is read against corpus sentences, the paragraph's against passages of several sentences.
     */
    @Test
    void theHeadlineNamesAQuotationAndSentencesAreSplitAsAReaderWould() throws Exception {
        String paragraph = "The letter came on a Tuesday, folded twice and smelling faintly of lavender. It is a truth " //$NON-NLS-1$
                + "universally acknowledged, that a single man in possession of a good fortune, must be in want of a " //$NON-NLS-1$
                + "wife. Mrs. Pell read the line aloud. Mr. Darcy smiled."; //$NON-NLS-1$
        CliProcess.Result result = CliProcess.run(HERE, null, "score", "--json", "--no-hull", paragraph); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
        assertEquals(0, result.exitCode(), result.err());
        JsonObject report = JsonParser.parseString(result.out()).getAsJsonObject();
        String headline = report.get("headline").getAsString(); //$NON-NLS-1$
        assertTrue(headline.contains("23 words verbatim from austen.txt.gz:"), headline); //$NON-NLS-1$
        var sentences = report.getAsJsonArray("sentences"); //$NON-NLS-1$
        assertEquals(4, sentences.size(), result.out());
        JsonObject pell = sentences.get(2).getAsJsonObject();
        assertEquals("Mrs. Pell read the line aloud.", //$NON-NLS-1$
                paragraph.substring(pell.get("start").getAsInt(), pell.get("end").getAsInt())); //$NON-NLS-1$ //$NON-NLS-2$
        assertTrue(report.getAsJsonObject("density").get("comparedWith").getAsString() //$NON-NLS-1$ //$NON-NLS-2$
                .startsWith("corpus passages of several sentences"), result.out()); //$NON-NLS-1$
    }

    @Test
    void infoDescribesTheShippedIndex() throws Exception {
        CliProcess.Result result = CliProcess.run(HERE, null, "info"); //$NON-NLS-1$
        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().contains("sentence-transformers/all-MiniLM-L6-v2"), result.out()); //$NON-NLS-1$
        assertTrue(result.out().contains("corpus/kjv.txt.gz"), result.out()); //$NON-NLS-1$
    }

    @Test
    void embedPrintsUnitVectorsOfTheModelsDimension() throws Exception {
        CliProcess.Result result = CliProcess.run(HERE, "first line\nsecond line\n", "embed", "-"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
        assertEquals(0, result.exitCode(), result.err());
        List<String> lines = result.out().lines().toList();
        assertEquals(2, lines.size());
        var vector = JsonParser.parseString(lines.get(0)).getAsJsonObject().getAsJsonArray("vector"); //$NON-NLS-1$
        assertEquals(384, vector.size());
        double norm = 0;
        for (var value : vector) {
            norm += value.getAsDouble() * value.getAsDouble();
        }
        assertEquals(1.0, norm, 1e-4);
    }
}
