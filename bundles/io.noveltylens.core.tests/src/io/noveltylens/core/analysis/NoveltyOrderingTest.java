package io.noveltylens.core.analysis;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.ToDoubleFunction;

import org.junit.jupiter.api.Test;

import io.noveltylens.core.Progress;
import io.noveltylens.core.calibration.Words;
import io.noveltylens.core.embed.FixtureTexts;

/**
 * Ordering on real text, the readouts' reason to exist: passages copied from the corpus must look less novel than
 * unseen passages by the corpus's own author, those less novel than passages by another author, and those less novel
 * than passages of another genre, on average and with a margin. Every group has passages of 12-40 words, so that
 * length cannot explain the order (their median lengths are printed in a failure).
 */
class NoveltyOrderingTest {

    private static final int SAMPLE = 40;

    @Test
    void copiedTextIsLessNovelThanUnseenTextOfTheSameAuthorThanAnotherAuthorThanAnotherGenre() throws Exception {
        RealCorpus corpus = RealCorpus.get();
        List<String> austen = FixtureTexts.lines("austen-1500");
        List<String> copied = sample(austen.subList(0, RealCorpus.AUSTEN_PASSAGES));
        List<String> unseen = sample(austen.subList(RealCorpus.AUSTEN_PASSAGES, austen.size()));
        List<String> otherAuthor = sample(FixtureTexts.lines("sherlock-200"));
        List<String> otherGenre = sample(FixtureTexts.lines("wordnet-200"));
        String lengths = "median words: copied " + medianWords(copied) + ", unseen " + medianWords(unseen)
                + ", another author " + medianWords(otherAuthor) + ", another genre " + medianWords(otherGenre);

        double copiedPercentile = mean(corpus, copied, r -> r.density().percentile());
        double unseenPercentile = mean(corpus, unseen, r -> r.density().percentile());
        double authorPercentile = mean(corpus, otherAuthor, r -> r.density().percentile());
        double genrePercentile = mean(corpus, otherGenre, r -> r.density().percentile());
        String percentiles = "mean percentiles: copied " + copiedPercentile + ", unseen " + unseenPercentile
                + ", another author " + authorPercentile + ", another genre " + genrePercentile + "; " + lengths;
        assertTrue(copiedPercentile + 15 < unseenPercentile, percentiles);
        assertTrue(unseenPercentile + 10 < authorPercentile, percentiles);
        assertTrue(authorPercentile + 5 < genrePercentile, percentiles);

        double copiedCosine = mean(corpus, copied, r -> r.neighbours().get(0).cosine());
        double unseenCosine = mean(corpus, unseen, r -> r.neighbours().get(0).cosine());
        double authorCosine = mean(corpus, otherAuthor, r -> r.neighbours().get(0).cosine());
        double genreCosine = mean(corpus, otherGenre, r -> r.neighbours().get(0).cosine());
        String cosines = "mean top cosines: copied " + copiedCosine + ", unseen " + unseenCosine + ", another author "
                + authorCosine + ", another genre " + genreCosine;
        assertTrue(copiedCosine > 0.99, "a copied passage finds itself: " + cosines);
        assertTrue(unseenCosine > authorCosine && authorCosine > genreCosine + 0.05, cosines);

        double copiedVerbatim = mean(corpus, copied, r -> r.verbatim().coverage(5));
        double genreVerbatim = mean(corpus, otherGenre, r -> r.verbatim().coverage(5));
        assertTrue(copiedVerbatim > 0.95 && genreVerbatim < 0.1, copiedVerbatim + " vs " + genreVerbatim);
    }

    /** The first {@link #SAMPLE} passages of 12-40 words. */
    private static List<String> sample(List<String> passages) {
        return passages.stream().filter(line -> Words.count(line) >= 12 && Words.count(line) <= 40).limit(SAMPLE)
                .toList();
    }

    private static int medianWords(List<String> passages) {
        return passages.stream().mapToInt(Words::count).sorted().toArray()[passages.size() / 2];
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
