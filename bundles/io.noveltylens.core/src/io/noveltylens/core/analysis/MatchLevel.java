package io.noveltylens.core.analysis;

import io.noveltylens.core.verbatim.VerbatimOverlap;
import io.noveltylens.core.verbatim.VerbatimReadout;

/**
 * How a sentence (or a passage) matches the corpus, in the grades writers know from plagiarism checkers: the whole of
 * it verbatim, corpus wording with minor edits, the sense of a corpus passage in other words, near corpus text on its
 * subject, or not. A small rule over readouts the analysis already has: the verbatim runs, the cosine of the nearest
 * passage, and the calibrated density percentile. The thresholds and the rule that set them are in docs/readouts.md
 * ("Match levels"): a level above {@link #RELATED} is claimed only where at most 1 % of the corpus's own sentences,
 * scored as new text against the rest of the corpus, reach it (measured by releng/validity.sh).
 */
public enum MatchLevel {
    /** Every word of it lies in one run found verbatim in the corpus (case and punctuation aside). */
    IDENTICAL,
    /** Most of its words lie in runs found verbatim: corpus wording with minor edits. */
    NEAR_VERBATIM,
    /** Its nearest corpus passage is as close in meaning as a copy's, with few shared runs of words. */
    PARAPHRASE,
    /** None of the above, and its neighbourhood in the corpus is as crowded as that of ordinary corpus text like it. */
    RELATED,
    /** None of the above, and more isolated from the corpus than three quarters of the corpus's own text like it. */
    NOVEL;

    /**
     * Share of words in verbatim runs of {@link VerbatimOverlap#SHORTEST}+ words from which a sentence is
     * near-verbatim: above the 99th percentile (0.833) of 1,000 sentences of the validity benchmark's reference
     * corpus, each scored against the rest of it (docs/readouts.md, Match levels).
     */
    static final double NEAR_VERBATIM_COVERAGE = 0.84;
    /** Nearest cosine from which a sentence is a paraphrase: the 99th percentile (0.799) of the same sentences. */
    static final double PARAPHRASE_COSINE = 0.80;
    /**
     * The density percentile from which a sentence is novel: the upper quartile of the corpus's own text of its kind
     * and length (the calibration's reference units), the heatmap's "novel" threshold before the match levels.
     */
    static final double NOVEL_FROM = 75;

    /**
     * The level of a text from its verbatim readout, the cosine of its nearest corpus passage (0 without one) and its
     * density percentile.
     */
    public static MatchLevel of(VerbatimReadout verbatim, double nearestCosine, double densityPercentile) {
        int words = verbatim.wordCount();
        if (words >= VerbatimOverlap.SHORTEST
                && verbatim.longest().filter(run -> run.wordCount() == words).isPresent()) {
            return IDENTICAL;
        }
        if (words >= VerbatimOverlap.SHORTEST
                && verbatim.coverage(VerbatimOverlap.SHORTEST) >= NEAR_VERBATIM_COVERAGE) {
            return NEAR_VERBATIM;
        }
        if (nearestCosine >= PARAPHRASE_COSINE) {
            return PARAPHRASE;
        }
        return densityPercentile >= NOVEL_FROM ? NOVEL : RELATED;
    }
}
