package io.noveltylens.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import io.noveltylens.test.support.RankStatistics;

/** The Mann-Whitney test and the AUROC of {@link RankSum} against a published example and textbook computations. */
class RankSumTest {

    /**
     * Hollander and Wolfe, Nonparametric Statistical Methods (1973), p. 69f, the example of R's {@code wilcox.test}:
     * permeability constants of the human chorioamnion at term (x) and at 12 to 26 weeks (y). R reports W = 35 and
     * p = 0.1272 for the one-sided test "x greater", so 0.2544 two-sided (exact: no ties, both groups small).
     */
    @Test
    void exactTestMatchesHollanderAndWolfesPermeabilityExample() {
        double[] x = { 0.80, 0.83, 1.89, 1.04, 1.45, 1.38, 1.91, 1.64, 0.73, 1.46 };
        double[] y = { 1.15, 0.88, 0.90, 0.74, 1.21 };

        RankSum result = RankSum.of(y, x);

        assertEquals(35, result.u());
        assertTrue(result.exact());
        assertEquals(0.2544, result.pValue(), 5e-5);
        assertEquals(exactTwoSidedByEnumeration(y, x), result.pValue(), 1e-12);
    }

    /** A tied sample: the normal approximation with the tie-corrected variance and a continuity correction of 0.5. */
    @Test
    void tiedSamplesGetTheTieCorrectedNormalApproximation() {
        SplittableRandom random = new SplittableRandom(3);
        double[] first = new double[60];
        double[] second = new double[45];
        Arrays.setAll(first, i -> random.nextInt(12));
        Arrays.setAll(second, i -> random.nextInt(14));

        RankSum result = RankSum.of(first, second);

        assertFalse(result.exact());
        assertEquals(textbookNormalApproximation(first, second), result.pValue(), 1e-9);
    }

    /** Two groups of one repeated value are what "one distribution" predicts: p = 1, AUROC 0.5, not NaN. */
    @Test
    void groupsOfOneTiedValueGiveNoEvidenceOfADifference() {
        RankSum result = RankSum.of(new double[] { 0, 0, 0, 0 }, new double[] { 0, 0, 0 });

        assertEquals(1, result.pValue());
        assertEquals(0.5, result.auroc());
    }

    @Test
    void aurocEqualsTheShareOfWinningPairsWithTiesHalf() {
        SplittableRandom random = new SplittableRandom(11);
        for (int trial = 0; trial < 50; trial++) {
            double[] first = new double[1 + random.nextInt(40)];
            double[] second = new double[1 + random.nextInt(40)];
            // coarse values, so that ties are common
            Arrays.setAll(first, i -> random.nextInt(20));
            Arrays.setAll(second, i -> random.nextInt(20) + random.nextInt(3));

            double expected = RankStatistics.bruteForceAuroc(first, second);

            assertEquals(expected, RankSum.of(first, second).auroc(), 1e-12);
            assertEquals(expected, RankSum.auroc(first, second), 1e-12);
        }
    }

    /**
     * The exact two-sided p-value by enumerating every way of choosing which of the pooled values form the second
     * sample: P(|U - n m / 2| >= |u - n m / 2|) (no ties).
     */
    private static double exactTwoSidedByEnumeration(double[] first, double[] second) {
        double[] pooled = new double[first.length + second.length];
        System.arraycopy(first, 0, pooled, 0, first.length);
        System.arraycopy(second, 0, pooled, first.length, second.length);
        double centre = first.length * second.length / 2.0;
        double observed = Math.abs(RankStatistics.bruteForceAuroc(first, second) * first.length * second.length
                - centre);
        List<int[]> choices = new ArrayList<>();
        choose(pooled.length, second.length, 0, new int[second.length], 0, choices);
        int extreme = 0;
        for (int[] chosen : choices) {
            double[] b = new double[second.length];
            double[] a = new double[first.length];
            boolean[] inB = new boolean[pooled.length];
            for (int i = 0; i < chosen.length; i++) {
                b[i] = pooled[chosen[i]];
                inB[chosen[i]] = true;
            }
            int k = 0;
            for (int i = 0; i < pooled.length; i++) {
                if (!inB[i]) {
                    a[k++] = pooled[i];
                }
            }
            double u = RankStatistics.bruteForceAuroc(a, b) * a.length * b.length;
            extreme += Math.abs(u - centre) >= observed - 1e-9 ? 1 : 0;
        }
        return extreme / (double) choices.size();
    }

    private static void choose(int n, int k, int from, int[] chosen, int depth, List<int[]> into) {
        if (depth == k) {
            into.add(chosen.clone());
            return;
        }
        for (int i = from; i < n; i++) {
            chosen[depth] = i;
            choose(n, k, i + 1, chosen, depth + 1, into);
        }
    }

    /**
     * z = (U - n m / 2 -+ 0.5) / sigma with sigma^2 = n m / 12 ((N + 1) - sum(t^3 - t) / (N (N - 1))) over the tie
     * groups t of the pooled sample (N = n + m), two-sided.
     */
    private static double textbookNormalApproximation(double[] first, double[] second) {
        int n = first.length;
        int m = second.length;
        int total = n + m;
        double u = RankStatistics.bruteForceAuroc(first, second) * n * m;
        double[] pooled = new double[total];
        System.arraycopy(first, 0, pooled, 0, n);
        System.arraycopy(second, 0, pooled, n, m);
        Arrays.sort(pooled);
        double ties = 0;
        for (int i = 0; i < total;) {
            int j = i;
            while (j < total && pooled[j] == pooled[i]) {
                j++;
            }
            double t = j - i;
            ties += t * t * t - t;
            i = j;
        }
        double variance = n * (double) m / 12 * ((total + 1) - ties / (total * (total - 1.0)));
        double deviation = u - n * m / 2.0;
        double z = (deviation - Math.signum(deviation) * 0.5) / Math.sqrt(variance);
        return 2 * RankStatistics.normalUpperTail(Math.abs(z));
    }
}
