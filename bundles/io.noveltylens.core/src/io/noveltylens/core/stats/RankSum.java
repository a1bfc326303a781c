package io.noveltylens.core.stats;

import org.apache.commons.statistics.inference.MannWhitneyUTest;

/**
 * The Mann-Whitney U test of two samples and the AUROC it implies, by Apache Commons Statistics'
 * {@link MannWhitneyUTest}: two-sided; the exact distribution of U when both samples have fewer than 50 values and
 * no value is tied, else the normal approximation with the tie correction of the variance and a continuity
 * correction of 0.5.
 *
 * @param u      U of the second sample: the number of pairs (first, second) in which the second value is larger,
 *               ties counted half
 * @param auroc  {@code u / (n1 n2)}: the probability that a value drawn from the second sample exceeds one drawn from
 *               the first (ties half); 0.5 = no separation, 1 = every second value above every first
 * @param pValue two-sided p-value of "both samples come from one distribution"
 * @param exact  whether the p-value is exact (no ties, both samples under 50) or the normal approximation
 */
public record RankSum(double u, double auroc, double pValue, boolean exact) {

    /** Below this many values in both samples and without ties the library computes the exact p-value. */
    static final int EXACT_LIMIT = 50;

    private static final MannWhitneyUTest TEST = MannWhitneyUTest.withDefaults();

    public static RankSum of(double[] first, double[] second) {
        MannWhitneyUTest.Result result = TEST.test(second, first);
        double u = result.getStatistic();
        boolean exact = !result.hasTiedValues() && Math.max(first.length, second.length) < EXACT_LIMIT;
        // every value tied (two groups all at percentile 0, say): U's variance is 0 and the library answers NaN;
        // such data are exactly what "one distribution" predicts, so the p-value is 1
        double p = Double.isNaN(result.getPValue()) ? 1 : result.getPValue();
        return new RankSum(u, u / ((double) first.length * second.length), p, exact);
    }

    /** The AUROC alone (a bootstrap replicate needs no p-value). */
    public static double auroc(double[] first, double[] second) {
        return TEST.statistic(second, first) / ((double) first.length * second.length);
    }
}
