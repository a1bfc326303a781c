package io.noveltylens.core.analysis;

import io.noveltylens.core.corpus.TextSpan;
import io.noveltylens.core.density.DensityReadout;

/**
 * One sentence of a multi-sentence passage scored on its own (fast readouts only), so that an editor can colour the
 * novel and the derivative parts. {@code span} is relative to the analysed passage, or to the document whose range
 * was scored.
 */
public record SentenceReadout(TextSpan span, DensityReadout density, double nearestCosine, double verbatimCoverage) {

    /**
     * Whether the sentence repeats a corpus passage almost word for word ({@link Verdict#NEAR_DUPLICATE}'s cosine):
     * an echo whatever its percentile, which measures how crowded its neighbourhood is, not whether it is a copy.
     */
    public boolean repeatsCorpus() {
        return nearestCosine >= Verdict.NEAR_DUPLICATE_COSINE;
    }
}
