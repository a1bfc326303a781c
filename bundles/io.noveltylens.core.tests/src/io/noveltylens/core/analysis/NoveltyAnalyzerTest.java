package io.noveltylens.core.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import io.noveltylens.core.NoveltyException;
import io.noveltylens.core.Progress;
import io.noveltylens.core.corpus.SentenceSplitter;
import io.noveltylens.core.density.DensityReadout;
import io.noveltylens.core.embed.Embedding;
import io.noveltylens.core.embed.FixtureTexts;
import io.noveltylens.core.hull.DepthVerdict;
import io.noveltylens.core.hull.HullVerdict;
import io.noveltylens.core.index.Neighbour;
import io.noveltylens.test.support.ExactSearch;
import io.noveltylens.test.support.Vectors;

/** The report on real text against a real index, with brute force over the stored vectors as the oracle. */
class NoveltyAnalyzerTest {

    private static final String SHERLOCK = "To Sherlock Holmes she is always the woman. I have seldom heard him mention her under any other name.";

    /**
     * Oracle: brute force over the stored unit vectors. The neighbours are the exact top k in rank order, sorted by
     * cosine, each cosine the dot product of the two unit vectors (re-scored in double, not the search's float score);
     * the density readout's mean distance is the mean of sqrt(2 - 2 cos) over the exact top k, and its explanations
     * print its own numbers.
     */
    @Test
    void neighboursAreTheExactTopKByCosineAndTheDensityIsTheirs() throws Exception {
        RealCorpus corpus = RealCorpus.get();
        NoveltyReport report = corpus.analyzer.analyze(SHERLOCK, Progress.NONE);
        float[] query = report.embedding().unit();
        double[] cosines = new double[corpus.index.metadata().passages()];
        for (int i = 0; i < cosines.length; i++) {
            cosines[i] = Vectors.dot(query, corpus.index.vector(i));
        }
        int[] exact = ExactSearch.topK(cosines, cosines.length);
        List<Neighbour> neighbours = report.neighbours();
        assertEquals(10, neighbours.size());
        for (int rank = 0; rank < neighbours.size(); rank++) {
            Neighbour neighbour = neighbours.get(rank);
            assertEquals(rank + 1, neighbour.rank());
            assertEquals(exact[rank], neighbour.ordinal(), "rank " + (rank + 1));
            assertEquals(cosines[exact[rank]], neighbour.cosine(), 1e-12, "rank " + (rank + 1));
            if (rank > 0) {
                assertTrue(neighbour.cosine() <= neighbours.get(rank - 1).cosine(), "sorted by cosine, descending");
            }
        }

        DensityReadout density = report.density();
        int k = corpus.index.density().k();
        assertEquals(k, density.k());
        double meanDistance = Arrays.stream(exact, 0, k).mapToDouble(row -> Math.sqrt(2 - 2 * cosines[row])).average()
                .orElseThrow();
        assertEquals(meanDistance, density.meanDistance(), 1e-6, "float distances, so 1e-6");
        double p = density.percentile();
        assertTrue(density.percentileExplanation().contains((int) Math.floor(p >= 50 ? p : 100 - p) + " %"),
                p + ": " + density.percentileExplanation());
        assertTrue(density.lofExplanation().contains(decimals("0.0", density.lof())),
                density.lof() + ": " + density.lofExplanation());
        assertTrue(density.loopExplanation().contains(decimals("0.00", density.loop())),
                density.loop() + ": " + density.loopExplanation());
    }

    @Test
    void aCopiedPassageIsANearDuplicateQuotedInFull() throws Exception {
        RealCorpus corpus = RealCorpus.get();
        String copied = FixtureTexts.lines("kjv-1000").get(123);
        NoveltyReport report = corpus.analyzer.analyze(copied, Progress.NONE);
        assertEquals(copied, report.neighbours().get(0).text());
        assertEquals(Verdict.NEAR_DUPLICATE, report.verdict());
        assertEquals(1.0, report.verbatim().coverage(5), 1e-9);
        assertTrue(report.density().percentile() < 50, "its own copy sits at distance 0: " + report.density());
    }

    @Test
    void theHullPhaseBracketsTheDistanceAndGivesAMonotoneDepthCurve() throws Exception {
        RealCorpus corpus = RealCorpus.get();
        NoveltyReport fast = corpus.analyzer.analyze(SHERLOCK, Progress.NONE);
        assertNull(fast.hull(), "the fast phase does not wait for the hull");
        HullReport hull = corpus.analyzer.withHull(fast, Progress.NONE).hull();
        assertNotNull(hull);
        assertTrue(hull.distance().lowerBound() <= hull.distance().upperBound() + 1e-9, hull.toString());
        assertTrue(hull.neighbourScale() > 0);
        List<DepthVerdict> curve = hull.depth().curve();
        int lastInside = -1;
        int firstOutside = Integer.MAX_VALUE;
        for (DepthVerdict point : curve) {
            if (point.verdict() == HullVerdict.INSIDE) {
                lastInside = point.dimension();
            } else if (point.verdict() == HullVerdict.OUTSIDE) {
                firstOutside = Math.min(firstOutside, point.dimension());
            }
        }
        assertTrue(lastInside < firstOutside, "inside dimensions come before outside ones: " + curve);
        assertEquals(Math.max(lastInside, 0), hull.depth().depth());
        if (hull.distance().verdict() != HullVerdict.INSIDE) {
            for (double bound : new double[] { hull.relativeLowerBound(), hull.relativeUpperBound() }) {
                String printed = String.format(Locale.ROOT, "%.2f", bound);
                assertTrue(hull.distanceExplanation().contains(printed), printed + ": " + hull.distanceExplanation());
            }
        }
        if (hull.depth().depth() > 0) {
            assertTrue(hull.depthExplanation().contains(Integer.toString(hull.depth().depth())),
                    hull.depth().depth() + ": " + hull.depthExplanation());
        }
    }

    /**
     * A single sentence is measured against the corpus's passages and the sentences of its nearest passages. Oracle:
     * a sentence copied from a corpus paragraph is then itself a point of the hull, so it is inside (distance 0),
     * while against the passages alone (the paragraph averages its sentences) it is proved outside; a text of two
     * sentences is measured against the passages only.
     */
    @Test
    void aSentenceCopiedFromACorpusParagraphIsAPointOfItsHull() throws Exception {
        RealCorpus corpus = RealCorpus.get();
        String paragraph = FixtureTexts.lines("austen-1500", RealCorpus.AUSTEN_PASSAGES).stream()
                .filter(p -> SentenceSplitter.sentences(p).size() >= 3).findFirst().orElseThrow();
        String sentence = SentenceSplitter.sentences(paragraph).stream().map(span -> span.of(paragraph))
                .max(Comparator.comparingInt(String::length)).orElseThrow();
        NoveltyReport fast = corpus.analyzer.analyze(sentence, Progress.NONE);
        HullReport hull = corpus.analyzer.withHull(fast, Progress.NONE).hull();
        assertTrue(hull.sentencePoints() >= 3, hull.points());
        assertEquals(HullVerdict.INSIDE, hull.distance().verdict(), hull.toString());
        assertTrue(hull.distanceExplanation().contains(hull.points()), hull.distanceExplanation());

        HullReport passagesOnly = new HullAnalysis(Duration.ofSeconds(2)).analyze(fast.embedding().unit(),
                fast.neighbours().get(0).ordinal(), corpus.index.hullData(), Progress.NONE);
        assertEquals(0, passagesOnly.sentencePoints());
        assertEquals(HullVerdict.OUTSIDE, passagesOnly.distance().verdict(), passagesOnly.toString());

        String twoSentences = sentence + " " + SHERLOCK.substring(0, SHERLOCK.indexOf('.') + 1);
        HullReport several = corpus.analyzer.withHull(corpus.analyzer.analyze(twoSentences, Progress.NONE),
                Progress.NONE).hull();
        assertEquals(0, several.sentencePoints(), several.points());
    }

    @Test
    void aMultiSentencePassageIsAlsoScoredSentenceBySentence() throws Exception {
        RealCorpus corpus = RealCorpus.get();
        String copiedVerse = FixtureTexts.lines("kjv-1000").get(7);
        String text = "The quantum computer factored the number overnight. " + copiedVerse
                + " Then the laboratory lights went out.";
        List<SentenceReadout> sentences = corpus.analyzer.analyze(text, Progress.NONE).sentences();
        assertTrue(sentences.size() >= 3, sentences.toString());
        SentenceReadout first = sentences.get(0);
        assertEquals("The quantum computer factored the number overnight.", first.span().of(text));
        SentenceReadout verse = sentences.stream().filter(s -> copiedVerse.startsWith(s.span().of(text))).findFirst()
                .orElseThrow();
        assertTrue(verse.density().percentile() < first.density().percentile(),
                "the copied verse is less novel than the invented sentence");
    }

    @Test
    void aLongSelectionIsEmbeddedWholeInWindows() throws Exception {
        RealCorpus corpus = RealCorpus.get();
        String longText = String.join(" ", FixtureTexts.lines("sherlock-200").subList(0, 60));
        NoveltyReport report = corpus.analyzer.analyze(longText, Progress.NONE);
        Embedding embedding = report.embedding();
        assertTrue(embedding.windows() > 5, "windows: " + embedding.windows());
        assertEquals(10, report.neighbours().size());
    }

    @Test
    void badSelectionsGetActionableMessages() throws Exception {
        RealCorpus corpus = RealCorpus.get();
        for (String bad : List.of("", "   \n\t", "?!... --")) {
            NoveltyException refused = assertThrows(NoveltyException.class,
                    () -> corpus.analyzer.analyze(bad, Progress.NONE));
            assertEquals(NoveltyException.Kind.BAD_INPUT, refused.kind());
            assertTrue(refused.getMessage().contains("Select"), refused.getMessage());
        }
        String huge = "word ".repeat(NoveltyAnalyzer.MAX_CHARS / 5 + 1);
        NoveltyException tooLong = assertThrows(NoveltyException.class,
                () -> corpus.analyzer.analyze(huge, Progress.NONE));
        assertTrue(tooLong.getMessage().contains("1000000"), tooLong.getMessage());
    }

    @Test
    void unusualTextIsAnalysedWithoutCrashing() throws Exception {
        RealCorpus corpus = RealCorpus.get();
        String longWord = "a".repeat(10_000);
        for (String text : List.of("x", "nul\u0000inside and \u0007bell", "lone \uD800 surrogate \uDC00 halves",
                "\u0645\u0631\u062D\u0628\u0627 \u05E9\u05DC\u05D5\u05DD right to left",
                "\u6625\u7720\u4E0D\u89C9\u6653",
                "emoji \uD83D\uDC69\u200D\uD83D\uDCBB at work \uD83C\uDF89", longWord, "word " + longWord + " word")) {
            NoveltyReport report = corpus.analyzer.withHull(corpus.analyzer.analyze(text, Progress.NONE),
                    Progress.NONE);
            assertEquals(10, report.neighbours().size(), text.length() > 40 ? text.substring(0, 40) : text);
            assertTrue(report.density().percentile() >= 0 && report.density().percentile() <= 100);
        }
    }

    /**
     * Oracle: the unit vectors of the query and its neighbours, from the report and the index. Classical MDS projects
     * the centred points onto their two leading principal axes, so no distance in the picture exceeds the real one,
     * and the share of the summed squared pairwise distances the picture keeps is the variance it says it shows.
     */
    @Test
    void theNeighbourhoodMapIsAProjectionOfTheQueryAndItsNeighbours() throws Exception {
        RealCorpus corpus = RealCorpus.get();
        NoveltyReport report = corpus.analyzer.analyze(SHERLOCK, Progress.NONE);
        NeighbourhoodMap map = report.map();
        List<float[]> units = new ArrayList<>();
        units.add(report.embedding().unit());
        for (Neighbour neighbour : report.neighbours()) {
            units.add(corpus.index.vector(neighbour.ordinal()));
        }
        assertEquals(units.size(), map.points().size());
        double pictured = 0;
        double real = 0;
        for (int i = 0; i < units.size(); i++) {
            for (int j = 0; j < i; j++) {
                double inPicture = distance(map.points().get(i), map.points().get(j));
                double distance = Math.sqrt(Math.max(0, 2 - 2 * Vectors.dot(units.get(i), units.get(j))));
                assertTrue(inPicture <= distance * (1 + 1e-6),
                        "points " + i + ", " + j + ": " + inPicture + " > " + distance);
                pictured += inPicture * inPicture;
                real += distance * distance;
            }
        }
        assertEquals(pictured / real, map.varianceShown(), 1e-6);
    }

    private static double distance(double[] a, double[] b) {
        return Math.hypot(a[0] - b[0], a[1] - b[1]);
    }

    /** {@code value} as {@link java.text.MessageFormat}'s number subformat {@code pattern} prints it, in English. */
    private static String decimals(String pattern, double value) {
        return new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ENGLISH)).format(value);
    }
}
