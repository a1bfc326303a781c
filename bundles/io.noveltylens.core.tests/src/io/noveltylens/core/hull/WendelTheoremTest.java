package io.noveltylens.core.hull;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

import io.noveltylens.core.math.FloatMatrix;

/**
 * Wendel's theorem (J. G. Wendel, "A problem in geometric probability", Math. Scand. 11, 1962): for N points i.i.d.
 * from a distribution symmetric about the origin and absolutely continuous in R^d, P(origin not in hull) =
 * 2^-(N-1) * sum_{k=0}^{d-1} C(N-1, k). The observed frequency must lie within 4 standard errors. Every case has a
 * probability more than 4 standard errors from both 0 and 1 (checked before the trials), so a solver that always
 * answers INSIDE, or always OUTSIDE, fails every case; they range from 0.09 to 0.80, and (16, 8) has probability 1/2,
 * where the test is sharpest.
 */
class WendelTheoremTest {

    static double wendel(int n, int d) {
        double sum = 0;
        for (int k = 0; k < d; k++) {
            sum += Math.exp(logBinomial(n - 1, k) - (n - 1) * Math.log(2));
        }
        return sum;
    }

    private static double logBinomial(int n, int k) {
        double log = 0;
        for (int i = 0; i < k; i++) {
            log += Math.log(n - i) - Math.log(i + 1);
        }
        return log;
    }

    @Test
    void tenPointsInThreeDimensions() {
        assertOutsideFrequencyMatchesWendel(10, 3, 1000);
    }

    @Test
    void twentyPointsInEightDimensions() {
        assertOutsideFrequencyMatchesWendel(20, 8, 1000);
    }

    @Test
    void fortyPointsInEighteenDimensions() {
        assertOutsideFrequencyMatchesWendel(40, 18, 600);
    }

    @Test
    void hundredPointsInFortySixDimensions() {
        assertOutsideFrequencyMatchesWendel(100, 46, 300);
    }

    @Test
    void sixteenPointsInEightDimensionsWhereTheProbabilityIsOneHalf() {
        assertOutsideFrequencyMatchesWendel(16, 8, 600);
    }

    @Test
    void twentyFourPointsInFourteenDimensionsWhereOutsideIsLikely() {
        assertOutsideFrequencyMatchesWendel(24, 14, 1000);
    }

    /** The LP decides every trial; Frank-Wolfe, where it decides, never contradicts it. */
    private static void assertOutsideFrequencyMatchesWendel(int n, int d, int trials) {
        double expected = wendel(n, d);
        double standardError = Math.sqrt(expected * (1 - expected) / trials);
        assertTrue(4 * standardError < Math.min(expected, 1 - expected),
                "Wendel " + expected + " is within 4 standard errors of 0 or 1: a constant answer would pass");
        Random random = new Random(1000L * n + d);
        double[] origin = new double[d];
        int outside = 0;
        for (int trial = 0; trial < trials; trial++) {
            FloatMatrix corpus = Corpora.gaussian(n, d, random);
            HullDistanceResult lp = new LpHullMembership(corpus).test(origin, Deadline.NONE);
            assertNotEquals(HullVerdict.UNDETERMINED, lp.verdict(), lp::toString);
            if (lp.verdict() == HullVerdict.OUTSIDE) {
                outside++;
            }
            HullDistance hull = new HullDistance(corpus);
            HullDistanceResult fw = hull.verdict(origin, hull.nearestRow(origin), Deadline.NONE, 500);
            if (fw.verdict() != HullVerdict.UNDETERMINED) {
                assertEquals(lp.verdict(), fw.verdict(), () -> "LP " + lp + " vs FW " + fw);
            }
        }
        double observed = outside / (double) trials;
        assertTrue(Math.abs(observed - expected) <= 4 * standardError,
                "observed " + observed + ", Wendel " + expected + ", standard error " + standardError);
    }
}
