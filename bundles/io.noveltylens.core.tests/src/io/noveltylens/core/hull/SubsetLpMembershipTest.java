package io.noveltylens.core.hull;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

import io.noveltylens.core.math.FloatMatrix;

/** Column generation must decide exactly what one LP over every row decides, and certify what it says. */
class SubsetLpMembershipTest {

    /**
     * Oracle: the LP over the whole corpus. Queries near the boundary of a corpus much larger than the seed subset,
     * so that most answers need rows the seeds do not have; both verdicts occur.
     */
    @Test
    void agreesWithTheLpOverEveryRow() {
        Random random = new Random(41);
        int inside = 0;
        int outside = 0;
        for (int trial = 0; trial < 40; trial++) {
            int dim = 2 + random.nextInt(10);
            FloatMatrix corpus = Corpora.gaussian(600, dim, random);
            HullTolerance tolerance = HullTolerance.relativeTo(corpus);
            double[] query = new double[dim];
            for (int j = 0; j < dim; j++) {
                query[j] = 1.8 * random.nextGaussian();
            }
            HullDistanceResult exact = new LpHullMembership(corpus, tolerance).test(query, Deadline.NONE);
            int[] seeds = corpus.nearestRows(query, dim + 1);
            HullDistanceResult subset = new SubsetLpMembership(corpus, tolerance).test(query, seeds, Deadline.NONE);
            assertNotEquals(HullVerdict.UNDETERMINED, subset.verdict(), subset::toString);
            assertEquals(exact.verdict(), subset.verdict(), () -> "exact " + exact + " vs subset " + subset);
            if (subset.verdict() == HullVerdict.INSIDE) {
                inside++;
                assertCombinationIsTheUpperBound(corpus, query, subset);
            } else {
                outside++;
                // the full LP's combination is a hull point, so its distance bounds the true distance from above
                assertTrue(subset.lowerBound() > 0 && subset.lowerBound() <= exact.upperBound() * (1 + 1e-9),
                        () -> subset + " vs the full LP's hull point at " + exact.upperBound());
            }
        }
        assertTrue(inside >= 5 && outside >= 5,
                "both verdicts exercised: " + inside + " inside, " + outside + " outside");
    }

    /** A point beyond a supporting hyperplane of the whole corpus is outside by at most that margin. */
    @Test
    void pointsBeyondASupportingHyperplaneAreOutsideWithACertifiedBound() {
        Random random = new Random(42);
        for (int dim : new int[] { 3, 16, 48 }) {
            FloatMatrix corpus = Corpora.gaussian(3000, dim, random);
            HullTolerance tolerance = HullTolerance.relativeTo(corpus);
            for (double t : new double[] { 1e-3, 0.5 }) {
                double[] query = Corpora.beyondSupportingHyperplane(corpus, t, random);
                HullDistanceResult result = new SubsetLpMembership(corpus, tolerance)
                        .test(query, corpus.nearestRows(query, 64), Deadline.NONE);
                String context = "dim " + dim + ", t " + t + ": " + result;
                assertEquals(HullVerdict.OUTSIDE, result.verdict(), context);
                assertTrue(result.lowerBound() <= t * (1 + 1e-9) && result.lowerBound() > 0, context);
            }
        }
    }

    /** Convex combinations of rows far apart (not among each other's neighbours) are inside. */
    @Test
    void convexCombinationsOfDistantRowsAreInside() {
        Random random = new Random(43);
        for (int dim : new int[] { 2, 8, 24 }) {
            FloatMatrix corpus = Corpora.gaussian(2000, dim, random);
            HullTolerance tolerance = HullTolerance.relativeTo(corpus);
            for (int trial = 0; trial < 5; trial++) {
                double[] query = Corpora.convexCombination(corpus, dim + 1, random);
                HullDistanceResult result = new SubsetLpMembership(corpus, tolerance)
                        .test(query, corpus.nearestRows(query, 1), Deadline.NONE);
                assertEquals(HullVerdict.INSIDE, result.verdict(), () -> "dim " + dim + ": " + result);
                assertCombinationIsTheUpperBound(corpus, query, result);
            }
        }
    }

    /** The reported vertices are corpus rows whose combination lies within the upper bound of the query. */
    private static void assertCombinationIsTheUpperBound(FloatMatrix corpus, double[] query,
            HullDistanceResult result) {
        double[] point = new double[query.length];
        double total = 0;
        for (HullVertex vertex : result.vertices()) {
            total += vertex.weight();
            corpus.addScaledRow(vertex.index(), vertex.weight(), point);
        }
        assertEquals(1, total, 1e-9);
        assertEquals(result.upperBound(), Corpora.distance(point, query), 1e-9);
    }
}
