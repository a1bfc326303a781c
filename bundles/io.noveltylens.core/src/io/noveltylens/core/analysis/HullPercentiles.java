package io.noveltylens.core.analysis;

/**
 * The hull readouts read against the corpus's own text of the passage's length ({@link
 * io.noveltylens.core.calibration.Calibration}): higher = more novel, 50 = as an ordinary piece of the corpus.
 *
 * @param distance     percentile of the distance to the hull among the corpus's reference units
 * @param depth        percentile of the shallowness of the extrapolation depth among them: units with a larger depth
 *                     count as less novel, equal depths half
 * @param comparedWith what both are against, completing "of ...": "corpus sentences of 15-23 words"
 */
public record HullPercentiles(double distance, double depth, String comparedWith) {
}
