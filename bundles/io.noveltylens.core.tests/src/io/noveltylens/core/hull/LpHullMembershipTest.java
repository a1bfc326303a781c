package io.noveltylens.core.hull;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.noveltylens.core.math.FloatMatrix;

class LpHullMembershipTest {

    /** Oracle: a convex combination of corpus rows is in the hull; the LP's own combination must reproduce it. */
    @Test
    void convexCombinationsOfTheCorpusAreInside() {
        Random random = new Random(31);
        for (int dim : new int[] { 2, 8, 24 }) {
            FloatMatrix corpus = Corpora.gaussian(300, dim, random);
            LpHullMembership lp = new LpHullMembership(corpus);
            for (int trial = 0; trial < 10; trial++) {
                double[] query = Corpora.convexCombination(corpus, 1 + random.nextInt(3 * dim), random);
                HullDistanceResult result = lp.test(query, Deadline.NONE);
                assertEquals(HullVerdict.INSIDE, result.verdict(), () -> "dim " + dim + ": " + result);
                assertTrue(result.converged());
                double[] point = new double[dim];
                double total = 0;
                for (HullVertex vertex : result.vertices()) {
                    assertTrue(vertex.weight() > 0);
                    total += vertex.weight();
                    corpus.addScaledRow(vertex.index(), vertex.weight(), point);
                }
                assertEquals(1, total, 1e-12);
                assertEquals(result.upperBound(), Corpora.distance(point, query), 1e-12);
                assertTrue(result.vertices().size() <= dim + 1, "a basic solution has at most D + 1 positive weights");
            }
        }
    }

    /** Oracle: a point exactly t beyond a supporting hyperplane; the dual's certificate may not exceed t. */
    @Test
    void pointsBeyondASupportingHyperplaneAreOutsideWithACertifiedBound() {
        Random random = new Random(32);
        for (int dim : new int[] { 2, 8, 24 }) {
            FloatMatrix corpus = Corpora.gaussian(400, dim, random);
            LpHullMembership lp = new LpHullMembership(corpus);
            for (double t : new double[] { 1e-3, 0.5 }) {
                double[] query = Corpora.beyondSupportingHyperplane(corpus, t, random);
                HullDistanceResult result = lp.test(query, Deadline.NONE);
                String context = "dim " + dim + ", t " + t + ": " + result;
                assertEquals(HullVerdict.OUTSIDE, result.verdict(), context);
                assertTrue(result.lowerBound() <= t * (1 + 1e-9), context);
                assertTrue(result.upperBound() >= t * (1 - 1e-9), context);
            }
        }
    }

    /** Two independent certificates (an explicit combination, a separating hyperplane) never contradict each other. */
    @Test
    void agreesWithFrankWolfeOnQueriesNearTheBoundary() {
        Random random = new Random(33);
        int decidedByBoth = 0;
        for (int trial = 0; trial < 60; trial++) {
            int dim = 2 + random.nextInt(12);
            FloatMatrix corpus = Corpora.gaussian(4 * dim, dim, random);
            double[] query = new double[dim];
            for (int j = 0; j < dim; j++) {
                query[j] = 0.6 * random.nextGaussian();
            }
            HullDistanceResult lp = new LpHullMembership(corpus).test(query, Deadline.NONE);
            HullDistance hull = new HullDistance(corpus);
            HullDistanceResult fw = hull.verdict(query, hull.nearestRow(query), Deadline.NONE, 20_000);
            assertNotEquals(HullVerdict.UNDETERMINED, lp.verdict(), lp::toString);
            if (fw.verdict() != HullVerdict.UNDETERMINED) {
                decidedByBoth++;
                assertEquals(lp.verdict(), fw.verdict(), () -> "LP " + lp + " vs FW " + fw);
            }
            assertTrue(lp.lowerBound() <= fw.upperBound() && fw.lowerBound() <= lp.upperBound(), "brackets overlap");
        }
        assertTrue(decidedByBoth >= 50, "Frank-Wolfe decided only " + decidedByBoth + " of 60");
    }

    @Test
    void expiredDeadlineGivesUndetermined() {
        FloatMatrix corpus = Corpora.gaussian(100, 5, new Random(34));
        HullDistanceResult result = new LpHullMembership(corpus).test(new double[5], Deadline.after(Duration.ZERO));
        assertEquals(HullVerdict.UNDETERMINED, result.verdict());
        assertFalse(result.converged());
        assertEquals(Double.POSITIVE_INFINITY, result.upperBound());
    }
}
