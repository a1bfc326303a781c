package io.noveltylens.core.hull;

import java.util.List;

/**
 * What a hull computation proved about a query: a verdict and a bracket on the Euclidean distance to the hull.
 *
 * @param verdict {@link HullVerdict#OUTSIDE} only when {@code lowerBound > tolerance}, {@link HullVerdict#INSIDE} only
 *     when {@code upperBound <= tolerance}
 * @param lowerBound from a hyperplane that separates the query from every corpus row (when {@code certified}), else 0
 * @param upperBound the distance from the query to the hull point formed by {@code vertices}, a real distance
 * @param tolerance the inside tolerance the verdict was judged with ({@link HullTolerance#insideDistance()})
 * @param iterations Frank-Wolfe steps taken; 0 for a linear program, whose pivots ojAlgo does not expose
 * @param converged whether the computation finished (verdict proved, or distance known to the requested gap)
 *     rather than stopping on its deadline or iteration limit
 * @param certified whether the lower bound, and so an {@link HullVerdict#OUTSIDE} verdict, is proved: false when a
 *     maximum it rests on came from an approximate search ({@link Maximisers#certified()}), which may have missed
 *     the row that would lower it. The upper bound, and so an {@link HullVerdict#INSIDE} verdict, is proved either
 *     way: it is the distance to an explicit convex combination of corpus rows
 * @param vertices the corpus rows whose convex combination is the hull point, heaviest first; the lead shows them as
 *     "the passages that combine into the nearest hull point"
 */
public record HullDistanceResult(HullVerdict verdict, double lowerBound, double upperBound, double tolerance,
        int iterations, boolean converged, boolean certified, List<HullVertex> vertices) {

    public HullDistanceResult {
        vertices = List.copyOf(vertices);
    }

    /**
     * The middle of the bracket: the distance the calibration compares. Within the relative gap of a converged run
     * (1 %) it is the distance; a run stopped by its budget gives the middle of what it proved.
     */
    public double estimate() {
        return (lowerBound + upperBound) / 2;
    }
}
