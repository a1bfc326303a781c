package io.noveltylens.core.analysis;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;

import org.junit.jupiter.api.Test;

import io.noveltylens.core.Progress;
import io.noveltylens.core.corpus.SentenceSplitter;
import io.noveltylens.core.corpus.TextSpan;
import io.noveltylens.core.calibration.Words;

/**
 * The calibration's promise on real text: Austen that the index never saw, cut as a sentence, a paragraph or three
 * paragraphs, reads as ordinary for the corpus at each length (median percentile near 50), where the uncalibrated
 * percentile called her sentences novel (a median of 97 against 85 for their paragraphs) and the raw-vector hull
 * readouts called long passages interpolations. The {@link RealCorpus} index holds the first 800 paragraphs of the
 * fixture; the paragraphs after them are held out.
 */
class CalibrationTest {

    private static final int UNITS = 60;
    /** The hull readouts cost up to their budget each: fewer units. */
    private static final int HULL_UNITS = 16;

    @Test
    void heldOutTextOfTheCorpusReadsAsOrdinaryAtEveryLength() throws Exception {
        RealCorpus corpus = RealCorpus.get();
        List<String> heldOut = RealCorpus.lines("austen-1500.txt.gz").subList(RealCorpus.AUSTEN_PASSAGES, 1500).stream() //$NON-NLS-1$
                .filter(line -> Words.count(line) >= 12).toList();
        List<String> paragraphs = new ArrayList<>();
        List<String> sentences = new ArrayList<>();
        List<String> joined = new ArrayList<>();
        int stride = heldOut.size() / UNITS - 1;
        for (int i = 0; paragraphs.size() < UNITS; i += stride) {
            String paragraph = heldOut.get(i);
            paragraphs.add(paragraph);
            sentences.add(longestSentence(paragraph));
            joined.add(paragraph + " " + heldOut.get(i + 1) + " " + heldOut.get(i + 2)); //$NON-NLS-1$ //$NON-NLS-2$
        }
        double sentence = median(corpus, sentences, r -> r.density().percentile());
        double paragraph = median(corpus, paragraphs, r -> r.density().percentile());
        double several = median(corpus, joined, r -> r.density().percentile());
        String medians = "median density percentile of held-out sentences " + sentence + ", paragraphs " + paragraph //$NON-NLS-1$ //$NON-NLS-2$
                + ", three paragraphs " + several; //$NON-NLS-1$
        for (double median : new double[] { sentence, paragraph, several }) {
            assertTrue(median > 25 && median < 75, medians);
        }
        assertTrue(Math.abs(sentence - paragraph) < 20 && Math.abs(several - paragraph) < 20, medians);

        double sentenceHull = median(corpus, sentences.subList(0, HULL_UNITS), r -> hull(corpus, r).distance());
        double paragraphHull = median(corpus, paragraphs.subList(0, HULL_UNITS), r -> hull(corpus, r).distance());
        double severalHull = median(corpus, joined.subList(0, HULL_UNITS), r -> hull(corpus, r).distance());
        String hullMedians = "median hull percentile of held-out sentences " + sentenceHull + ", paragraphs " //$NON-NLS-1$ //$NON-NLS-2$
                + paragraphHull + ", three paragraphs " + severalHull; //$NON-NLS-1$
        for (double median : new double[] { sentenceHull, paragraphHull, severalHull }) {
            assertTrue(median > 20 && median < 80, hullMedians);
        }
    }

    private static HullPercentiles hull(RealCorpus corpus, NoveltyReport report) {
        try {
            return corpus.analyzer.withHull(report, Duration.ofMillis(300), Progress.NONE).hull().percentiles();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** The paragraph's longest sentence: a sentence a writer would select, not a one-word exclamation. */
    private static String longestSentence(String paragraph) {
        List<TextSpan> spans = SentenceSplitter.sentences(paragraph);
        TextSpan longest = spans.get(0);
        for (TextSpan span : spans) {
            longest = span.end() - span.start() > longest.end() - longest.start() ? span : longest;
        }
        return longest.of(paragraph);
    }

    private static double median(RealCorpus corpus, List<String> passages, ToDoubleFunction<NoveltyReport> readout)
            throws Exception {
        double[] values = new double[passages.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = readout.applyAsDouble(corpus.analyzer.analyze(passages.get(i), Progress.NONE));
        }
        Arrays.sort(values);
        return values[values.length / 2];
    }
}
