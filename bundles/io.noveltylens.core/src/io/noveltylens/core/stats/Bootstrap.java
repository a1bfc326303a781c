package io.noveltylens.core.stats;

import java.util.SplittableRandom;

import org.apache.commons.statistics.descriptive.Quantile;

import io.noveltylens.core.Progress;

/**
 * Percentile bootstrap confidence intervals of a two-sample statistic (Efron and Tibshirani 1993, ch. 13): each
 * replicate draws both samples again with replacement, each from itself, so the groups keep their sizes; the
 * interval is the central {@code level} share of the replicates' statistics. Seeded, so that the same data and seed
 * give the same interval on every run and machine ({@link SplittableRandom}'s algorithm is fixed by its
 * specification): a report can be reproduced exactly. Commons Statistics has no bootstrap; this is the whole of it.
 */
public final class Bootstrap {

    /** Replicates: enough for the 2.5 % and 97.5 % quantiles to move by well under a tenth of the interval's width. */
    public static final int DEFAULT_REPLICATES = 2000;
    public static final long DEFAULT_SEED = 17;
    public static final double DEFAULT_LEVEL = 0.95;

    private static final Quantile TYPE_7 = Quantile.withDefaults().with(Quantile.EstimationMethod.HF7);

    private final int replicates;
    private final long seed;
    private final double level;

    public Bootstrap(int replicates, long seed, double level) {
        if (replicates < 10) {
            throw new IllegalArgumentException("at least 10 replicates, not " + replicates);
        }
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("a level in (0, 1), not " + level);
        }
        this.replicates = replicates;
        this.seed = seed;
        this.level = level;
    }

    public static Bootstrap defaults() {
        return new Bootstrap(DEFAULT_REPLICATES, DEFAULT_SEED, DEFAULT_LEVEL);
    }

    /**
     * The interval of {@code statistic} over replicates of the two samples. Every call starts from the seed, so the
     * interval of one statistic does not depend on which others were computed before it.
     */
    public Interval interval(double[] first, double[] second, TwoSampleStatistic statistic, Progress progress) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] values = new double[replicates];
        double[] a = new double[first.length];
        double[] b = new double[second.length];
        for (int r = 0; r < replicates; r++) {
            progress.checkCanceled();
            resample(first, a, random);
            resample(second, b, random);
            values[r] = statistic.of(a, b);
        }
        double tail = (1 - level) / 2;
        double[] bounds = TYPE_7.evaluate(values, tail, 1 - tail);
        return new Interval(bounds[0], bounds[1], level);
    }

    private static void resample(double[] from, double[] into, SplittableRandom random) {
        for (int i = 0; i < into.length; i++) {
            into[i] = from[random.nextInt(from.length)];
        }
    }

    public int replicates() {
        return replicates;
    }

    public long seed() {
        return seed;
    }

    public double level() {
        return level;
    }
}
