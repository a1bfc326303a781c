package io.noveltylens.core.hull;

import java.util.List;

/**
 * What a hull computation proved about a query: a verdict and a bracket on the Euclidean distance to the hull.
 *
 * @param verdict {@link HullVerdict#OUTSIDE} only when {@code lowerBound > tolerance}, {@link HullVerdict#INSIDE} only
 *     when {@code upperBound <= tolerance}
 * @param lowerBound certified: from a hyperplane that separates the query from every corpus row, else 0
 * @param upperBound the distance from the query to the hull point formed by {@code vertices}, a real distance
 * @param tolerance the inside tolerance the verdict was judged with ({@link HullTolerance#insideDistance()})
 * @param iterations Frank-Wolfe steps taken; 0 for a linear program, whose pivots ojAlgo does not expose
 * @param converged whether the computation finished (verdict proved, or distance known to the requested gap)
 *     rather than stopping on its deadline or iteration limit
 * @param vertices the corpus rows whose convex combination is the hull point, heaviest first; the lead shows them as
 *     "the passages that combine into the nearest hull point"
 */
public record HullDistanceResult(HullVerdict verdict, double lowerBound, double upperBound, double tolerance,
        int iterations, boolean converged, List<HullVertex> vertices) {

    public HullDistanceResult {
        vertices = List.copyOf(vertices);
    }
}
