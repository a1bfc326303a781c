package io.noveltylens.core.analysis;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.noveltylens.core.Progress;
import io.noveltylens.core.corpus.SentenceSplitter;
import io.noveltylens.core.corpus.TextSpan;
import io.noveltylens.core.embed.FixtureTexts;
import io.noveltylens.core.index.IndexBuilder;
import io.noveltylens.core.index.IndexSettings;
import io.noveltylens.core.index.LuceneCorpusIndex;

/**
 * The calibration's promise on real text: Austen that the index never saw, cut as a sentence, a paragraph or three
 * paragraphs, reads as ordinary for the corpus at each length (median percentile near 50), where the uncalibrated
 * percentile called her sentences novel (a median of 97 against 85 for their paragraphs) and the raw-vector hull
 * readouts called long passages interpolations. The held-out text is drawn from the corpus's own distribution: blocks
 * of {@value #BLOCK} consecutive paragraphs, one every {@value #EVERY}, are left out of the index, and the units are cut
 * from their middle, so that, like the reference units, they have no neighbours within two paragraphs.
 */
class CalibrationTest {

    private static final int EVERY = 25;
    private static final int BLOCK = 7;
    /** The hull readouts cost up to their budget each: every other block. */
    private static final int HULL_STRIDE = 2;

    @Test
    void heldOutTextOfTheCorpusReadsAsOrdinaryAtEveryLength() throws Exception {
        List<String> austen = FixtureTexts.lines("austen-1500");
        List<String> indexed = new ArrayList<>();
        List<String> paragraphs = new ArrayList<>();
        List<String> sentences = new ArrayList<>();
        List<String> joined = new ArrayList<>();
        for (int i = 0; i < austen.size(); i++) {
            int inBlock = i % EVERY - (EVERY - BLOCK) / 2;
            if (inBlock < 0 || inBlock >= BLOCK) {
                indexed.add(austen.get(i));
            } else if (inBlock == BLOCK / 2) {
                paragraphs.add(austen.get(i));
                sentences.add(longestSentence(austen.get(i)));
                joined.add(austen.get(i - 1) + " " + austen.get(i) + " " + austen.get(i + 1));
            }
        }
        NoveltyAnalyzer analyzer = analyzerOver(indexed);

        double sentence = median(analyzer, sentences, r -> r.density().percentile());
        double paragraph = median(analyzer, paragraphs, r -> r.density().percentile());
        double several = median(analyzer, joined, r -> r.density().percentile());
        String medians = "median density percentile of " + paragraphs.size() + " held-out sentences " + sentence
                + ", paragraphs " + paragraph + ", three paragraphs " + several;
        // measured 2026-12-07: 54.0, 45.5 and 40.9 (hull 48.0, 46.9, 34.8); uncalibrated, the sentences were at 97
        // and the paragraphs at 85.
        // Three paragraphs read as less novel than single paragraphs of their length, which share their bands:
        // releng/validity.sh holds the readouts to 50 +/- 10, this test to what would catch a regression.
        for (double median : new double[] { sentence, paragraph, several }) {
            assertTrue(median > 30 && median < 70, medians);
        }

        double sentenceHull = median(analyzer, every(sentences), r -> hull(analyzer, r).distance());
        double paragraphHull = median(analyzer, every(paragraphs), r -> hull(analyzer, r).distance());
        double severalHull = median(analyzer, every(joined), r -> hull(analyzer, r).distance());
        String hullMedians = "median hull percentile of held-out sentences " + sentenceHull + ", paragraphs "
                + paragraphHull + ", three paragraphs " + severalHull;
        System.out.println(medians + "; " + hullMedians);
        for (double median : new double[] { sentenceHull, paragraphHull, severalHull }) {
            assertTrue(median > 30 && median < 70, hullMedians);
        }
    }

    /** An index of {@code passages} (one a line) with the real model, kept under target/ with its embedding cache. */
    private static NoveltyAnalyzer analyzerOver(List<String> passages) throws Exception {
        RealCorpus real = RealCorpus.get();
        Path dir = Path.of("target", "calibration-corpus").toAbsolutePath();
        Path sources = Files.createDirectories(dir.resolve("sources"));
        Files.write(sources.resolve("austen.txt"), passages);
        Path index = dir.resolve("index");
        new IndexBuilder(real.embedder, IndexSettings.defaults()).build(List.of(sources), index, Progress.NONE);
        LuceneCorpusIndex opened = LuceneCorpusIndex.open(index, real.embedder.fingerprint(),
                real.embedder.model().dimension());
        return new NoveltyAnalyzer(real.embedder, opened, 10, new HullAnalysis(Duration.ofSeconds(2)));
    }

    private static List<String> every(List<String> units) {
        return IntStream.range(0, units.size()).filter(i -> i % HULL_STRIDE == 0).mapToObj(units::get).toList();
    }

    private static HullPercentiles hull(NoveltyAnalyzer analyzer, NoveltyReport report) {
        try {
            return analyzer.withHull(report, Duration.ofMillis(300), Progress.NONE).hull().percentiles();
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

    private static double median(NoveltyAnalyzer analyzer, List<String> passages,
            ToDoubleFunction<NoveltyReport> readout) throws Exception {
        double[] values = new double[passages.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = readout.applyAsDouble(analyzer.analyze(passages.get(i), Progress.NONE));
        }
        Arrays.sort(values);
        return values[values.length / 2];
    }
}
