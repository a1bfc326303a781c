package io.noveltylens.core.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.noveltylens.core.Progress;
import io.noveltylens.core.analysis.MatchLevel;
import io.noveltylens.core.analysis.NoveltyReport;
import io.noveltylens.core.analysis.RealCorpusEngine;
import io.noveltylens.core.calibration.Words;
import io.noveltylens.core.engine.NoveltyEngine;
import io.noveltylens.core.exclude.Exclusion;
import io.noveltylens.core.exclude.Exclusions;
import io.noveltylens.core.verbatim.VerbatimOverlap;

/** A save read paragraph by paragraph, for the document's history. */
class SaveAnalysisTest {

    private static final String AUSTEN = "It is a truth universally acknowledged, that a single man in possession of a "
            + "good fortune, must be in want of a wife.";
    private static final String NEW = "The quantum computer factored the number overnight, and nobody in the "
            + "laboratory believed it.\nThe lights went out at dawn.";
    private static final String QUOTED = "She wrote \"a truth universally acknowledged\" twice in the margin of the "
            + "ledger.";

    /**
     * Oracle: each paragraph analysed alone as a selection ({@link NoveltyEngine#analyze}); the save carries its
     * readouts, its offsets, its text's hash, and the document's novelty is the word-weighted mean worked out here.
     * A paragraph of punctuation only is skipped.
     */
    @Test
    void eachParagraphReadsAsItDoesAloneAndTheDocumentAsTheirWeightedMean() throws Exception {
        NoveltyEngine engine = RealCorpusEngine.get();
        String document = AUSTEN + "\n\n* * *\n\n" + NEW + "\n";
        List<String> paragraphs = List.of(AUSTEN, NEW);

        SaveReading save = SaveAnalysis.read(engine, document, Exclusions.NONE, 42, Progress.NONE);

        assertEquals(42, save.savedAtMillis());
        assertEquals(CorpusFingerprint.of(engine.indexInfo()), save.corpus());
        assertEquals(paragraphs.size(), save.paragraphs().size());
        double weighted = 0;
        int words = 0;
        for (int i = 0; i < paragraphs.size(); i++) {
            String text = paragraphs.get(i);
            ParagraphReading reading = save.paragraphs().get(i);
            NoveltyReport alone = engine.analyze(text, Progress.NONE);
            assertEquals(text, document.substring(reading.start(), reading.end()));
            assertEquals(TextHash.ofParagraph(text), reading.hash());
            assertEquals(Words.count(text), reading.words());
            assertEquals(alone.density().percentile(), reading.percentile(), 1e-12, text);
            assertEquals(alone.neighbours().get(0).cosine(), reading.nearestCosine(), 1e-12, text);
            assertEquals(alone.verbatim().coverage(VerbatimOverlap.SHORTEST), reading.verbatimCoverage(), 1e-12);
            assertEquals(alone.matchLevel(), reading.level(), text);
            weighted += alone.density().percentile() * Words.count(text);
            words += Words.count(text);
        }
        assertEquals(weighted / words, save.novelty(), 1e-9);
    }

    /**
     * What the exclusions leave out is not read (oracle: the engine analysing the paragraph with the same exclusions,
     * which differs from its readout with the quotation in), but the hash is of the text as written, so an edited
     * quotation makes an edited paragraph.
     */
    @Test
    void excludedTextIsLeftOutOfTheReadoutsButNotOfTheHash() throws Exception {
        NoveltyEngine engine = RealCorpusEngine.get();
        Exclusions quotations = Exclusions.NONE.with(Exclusion.QUOTATIONS);

        ParagraphReading reading = SaveAnalysis.read(engine, QUOTED, quotations, 1, Progress.NONE).paragraphs().get(0);

        assertEquals(engine.analyze(QUOTED, quotations, 10, Progress.NONE).density().percentile(),
                reading.percentile(), 1e-12);
        assertNotEquals(engine.analyze(QUOTED, Progress.NONE).density().percentile(), reading.percentile());
        assertEquals(TextHash.ofParagraph(QUOTED), reading.hash());
    }

    /**
     * Oracle: corpus paragraphs are in the corpus word for word. A document of 20 Austen paragraphs of the index (each
     * short enough to be one passage) reads as 20 paragraphs, every one identical to its corpus passage.
     */
    @Test
    void corpusParagraphsReadAsIdenticalOneByOne() throws Exception {
        List<String> paragraphs = RealCorpusEngine.austen(200).stream()
                .filter(paragraph -> Words.count(paragraph) >= 20 && Words.count(paragraph) <= 150).limit(20).toList();
        String document = String.join("\n\n", paragraphs);

        long start = System.nanoTime();
        SaveReading save = SaveAnalysis.read(RealCorpusEngine.get(), document, Exclusions.NONE, 0, Progress.NONE);
        long millis = (System.nanoTime() - start) / 1_000_000;

        System.out.printf("history: a save of %d paragraphs (%d words) read in %d ms%n", paragraphs.size(),
                Words.count(document), millis);
        assertEquals(paragraphs.size(), save.paragraphs().size());
        for (ParagraphReading reading : save.paragraphs()) {
            assertEquals(MatchLevel.IDENTICAL, reading.level(), document.substring(reading.start(), reading.end()));
            assertTrue(reading.nearestCosine() > 0.999, "cosine " + reading.nearestCosine());
        }
    }

    /** Reflowing a paragraph (other line breaks and spaces) keeps its hash; a changed word does not. */
    @Test
    void aParagraphsHashSurvivesReflowingButNotAnEdit() {
        assertEquals(TextHash.ofParagraph("one two\nthree  four"), TextHash.ofParagraph(" one  two three\nfour\n"));
        assertNotEquals(TextHash.ofParagraph("one two three four"), TextHash.ofParagraph("one two three five"));
    }
}
