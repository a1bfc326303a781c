package io.noveltylens.core.analysis;

import io.noveltylens.core.corpus.TextSpan;
import io.noveltylens.core.density.DensityReadout;

/**
 * One sentence of a multi-sentence passage scored on its own (fast readouts only), so that an editor can colour the
 * novel and the derivative parts. {@code span} is relative to the analysed passage, or to the document whose range
 * was scored; {@code matchLevel} grades the other readouts ({@link MatchLevel#of}).
 */
public record SentenceReadout(TextSpan span, DensityReadout density, double nearestCosine, double verbatimCoverage,
        MatchLevel matchLevel) {
}
