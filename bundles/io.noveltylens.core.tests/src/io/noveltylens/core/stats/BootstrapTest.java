package io.noveltylens.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.DoubleSupplier;

import org.junit.jupiter.api.Test;

import io.noveltylens.core.Progress;
import io.noveltylens.test.support.RankStatistics;

/**
 * The bootstrap intervals cover the true value at about their level on distributions whose true median difference
 * and AUROC are known in closed form, and are reproducible from their seed.
 */
class BootstrapTest {

    private static final int DATASETS = 300;
    private static final int SIZE = 60;
    private static final double LEVEL = 0.90;
    /** Three binomial standard deviations of the coverage over DATASETS datasets at LEVEL, plus the bootstrap's bias. */
    private static final double SLACK = 0.06;

    /**
     * Exponential(1) against Exponential(1) shifted by 0.5: the median difference is 0.5 whatever the skew. A
     * skewed, continuous case where a normal-theory interval would not do.
     */
    @Test
    void medianDifferenceIntervalsCoverTheTrueShiftAtTheirLevel() {
        SplittableRandom data = new SplittableRandom(1);
        DoubleSupplier exponential = () -> -Math.log(1 - data.nextDouble());
        double shift = 0.5;
        Bootstrap bootstrap = new Bootstrap(400, 7, LEVEL);
        int covered = 0;
        for (int d = 0; d < DATASETS; d++) {
            double[] first = sample(exponential, 0);
            double[] second = sample(exponential, shift);
            Interval interval = bootstrap.interval(first, second,
                    (a, b) -> Quartiles.median(b) - Quartiles.median(a), Progress.NONE);
            covered += interval.contains(shift) ? 1 : 0;
        }
        assertCoverage(covered);
    }

    /** N(0, 1) against N(delta, 1): the AUROC is Phi(delta / sqrt 2). */
    @Test
    void aurocIntervalsCoverTheTrueAurocAtTheirLevel() {
        SplittableRandom data = new SplittableRandom(2);
        DoubleSupplier normal = () -> data.nextGaussian();
        double delta = 0.6;
        double trueAuroc = 1 - RankStatistics.normalUpperTail(delta / Math.sqrt(2));
        Bootstrap bootstrap = new Bootstrap(400, 7, LEVEL);
        int covered = 0;
        for (int d = 0; d < DATASETS; d++) {
            Interval interval = bootstrap.interval(sample(normal, 0), sample(normal, delta), RankSum::auroc,
                    Progress.NONE);
            covered += interval.contains(trueAuroc) ? 1 : 0;
        }
        assertCoverage(covered);
    }

    @Test
    void theSameSeedGivesTheSameIntervalAndAnotherSeedAnother() {
        SplittableRandom data = new SplittableRandom(4);
        double[] first = sample(data::nextGaussian, 0);
        double[] second = sample(data::nextGaussian, 0.3);

        Interval once = new Bootstrap(500, 42, 0.95).interval(first, second, RankSum::auroc, Progress.NONE);
        Interval again = new Bootstrap(500, 42, 0.95).interval(first, second, RankSum::auroc, Progress.NONE);
        Interval other = new Bootstrap(500, 43, 0.95).interval(first, second, RankSum::auroc, Progress.NONE);

        assertEquals(once, again);
        assertNotEquals(once, other);
    }

    private static double[] sample(DoubleSupplier distribution, double shift) {
        double[] values = new double[SIZE];
        Arrays.setAll(values, i -> distribution.getAsDouble() + shift);
        return values;
    }

    private static void assertCoverage(int covered) {
        double coverage = covered / (double) DATASETS;
        assertTrue(Math.abs(coverage - LEVEL) <= SLACK,
                "coverage " + coverage + " of nominal " + LEVEL + " intervals over " + DATASETS + " datasets");
    }
}
