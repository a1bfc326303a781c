package io.noveltylens.core.analysis;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.ToDoubleFunction;

import org.junit.jupiter.api.Test;

import io.noveltylens.core.Progress;

/**
 * Ordering on real text, the readouts' reason to exist: passages copied from the corpus must look less novel than
 * passages by another author, and those less novel than passages of another genre, on average and with a margin.
 */
class NoveltyOrderingTest {

    private static final int SAMPLE = 40;

    @Test
    void copiedTextIsLessNovelThanAnotherAuthorWhichIsLessNovelThanAnotherGenre() throws Exception {
        RealCorpus corpus = RealCorpus.get();
        List<String> copied = RealCorpus.lines("austen-1500.txt.gz").subList(0, RealCorpus.AUSTEN_PASSAGES).stream() //$NON-NLS-1$
                .filter(line -> line.split(" ").length < 60).limit(SAMPLE).toList(); //$NON-NLS-1$
        List<String> otherAuthor = RealCorpus.lines("sherlock-200.txt.gz").stream() //$NON-NLS-1$
                .filter(line -> line.split(" ").length >= 8).limit(SAMPLE).toList(); //$NON-NLS-1$
        List<String> otherGenre = RealCorpus.lines("wordnet-200.txt.gz").stream() //$NON-NLS-1$
                .filter(line -> line.split(" ").length >= 8).limit(SAMPLE).toList(); //$NON-NLS-1$

        double copiedPercentile = mean(corpus, copied, r -> r.density().percentile());
        double authorPercentile = mean(corpus, otherAuthor, r -> r.density().percentile());
        double genrePercentile = mean(corpus, otherGenre, r -> r.density().percentile());
        assertTrue(copiedPercentile + 20 < authorPercentile,
                "copied " + copiedPercentile + " vs another author " + authorPercentile); //$NON-NLS-1$ //$NON-NLS-2$
        assertTrue(authorPercentile + 5 < genrePercentile,
                "another author " + authorPercentile + " vs another genre " + genrePercentile); //$NON-NLS-1$ //$NON-NLS-2$

        double copiedCosine = mean(corpus, copied, r -> r.neighbours().get(0).cosine());
        double authorCosine = mean(corpus, otherAuthor, r -> r.neighbours().get(0).cosine());
        double genreCosine = mean(corpus, otherGenre, r -> r.neighbours().get(0).cosine());
        assertTrue(copiedCosine > 0.99, "a copied passage finds itself: " + copiedCosine); //$NON-NLS-1$
        assertTrue(authorCosine > genreCosine + 0.05, authorCosine + " vs " + genreCosine); //$NON-NLS-1$

        double copiedVerbatim = mean(corpus, copied, r -> r.verbatim().coverage(5));
        double genreVerbatim = mean(corpus, otherGenre, r -> r.verbatim().coverage(5));
        assertTrue(copiedVerbatim > 0.95 && genreVerbatim < 0.1, copiedVerbatim + " vs " + genreVerbatim); //$NON-NLS-1$
    }

    private static double mean(RealCorpus corpus, List<String> passages, ToDoubleFunction<NoveltyReport> readout)
            throws Exception {
        double sum = 0;
        for (String passage : passages) {
            sum += readout.applyAsDouble(corpus.analyzer.analyze(passage, Progress.NONE));
        }
        return sum / passages.size();
    }
}
