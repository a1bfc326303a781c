package io.noveltylens.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import io.noveltylens.core.CancelledException;
import io.noveltylens.core.Progress;
import io.noveltylens.core.analysis.NoveltyReport;
import io.noveltylens.core.analysis.RealCorpusEngine;
import io.noveltylens.core.analysis.SentenceReadout;
import io.noveltylens.core.verbatim.VerbatimOverlap;

/** The editor heatmap's readouts: the sentences of a range of a document, streamed with document offsets. */
class SentenceRangeTest {

    private static final String BEFORE = "A preface the range leaves out. ";
    private static final List<String> SENTENCES = List.of("The quantum computer factored the number overnight.",
            "Mrs. Bennet was quite disconcerted.",
            "Then, as the\nlaboratory lights went out, nobody spoke.",
            "It was a truth universally acknowledged.");
    private static final String AFTER = " A postscript the range leaves out too.";
    private static final String DOCUMENT = BEFORE + String.join("  ", SENTENCES) + AFTER;

    /**
     * Oracle: each sentence scored alone as a selection ({@link NoveltyEngine#analyze}), whose report is that
     * sentence's readout: the same density, nearest cosine, verbatim coverage and match level, whatever text surrounds
     * it.
     */
    @Test
    void eachSentenceOfTheRangeReadsAsItDoesAloneAtItsDocumentOffsets() throws Exception {
        NoveltyEngine engine = RealCorpusEngine.get();
        List<SentenceReadout> readouts = new ArrayList<>();

        engine.sentences(DOCUMENT, BEFORE.length(), DOCUMENT.length() - AFTER.length(), readouts::add, Progress.NONE);

        assertEquals(SENTENCES, readouts.stream().map(readout -> readout.span().of(DOCUMENT)).toList());
        for (SentenceReadout readout : readouts) {
            String sentence = readout.span().of(DOCUMENT);
            NoveltyReport alone = engine.analyze(sentence, Progress.NONE);
            assertEquals(alone.density().meanDistance(), readout.density().meanDistance(), 1e-12, sentence);
            assertEquals(alone.density().percentile(), readout.density().percentile(), 1e-12, sentence);
            assertEquals(alone.neighbours().get(0).cosine(), readout.nearestCosine(), 1e-12, sentence);
            assertEquals(alone.verbatim().coverage(VerbatimOverlap.SHORTEST), readout.verbatimCoverage(), 1e-12,
                    sentence);
            assertEquals(alone.matchLevel(), readout.matchLevel(), sentence);
        }
    }

    @Test
    void aRangeOfOneSentenceGetsItsReadout() throws Exception {
        List<SentenceReadout> readouts = new ArrayList<>();
        int start = DOCUMENT.indexOf(SENTENCES.get(1));

        RealCorpusEngine.get().sentences(DOCUMENT, start, start + SENTENCES.get(1).length(), readouts::add,
                Progress.NONE);

        assertEquals(1, readouts.size());
        assertEquals(SENTENCES.get(1), readouts.get(0).span().of(DOCUMENT));
    }

    @Test
    void cancellingStopsBeforeTheNextSentence() throws Exception {
        List<SentenceReadout> readouts = new ArrayList<>();
        AtomicBoolean cancelled = new AtomicBoolean();

        assertThrows(CancelledException.class, () -> RealCorpusEngine.get().sentences(DOCUMENT, 0, DOCUMENT.length(),
                readout -> {
                    readouts.add(readout);
                    cancelled.set(true);
                }, Progress.cancelledWhen(cancelled::get)));

        assertEquals(1, readouts.size(), "the readout delivered before the cancel, and no other");
    }
}
