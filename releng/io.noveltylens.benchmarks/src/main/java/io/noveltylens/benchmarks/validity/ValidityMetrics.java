package io.noveltylens.benchmarks.validity;

import org.apache.commons.math3.distribution.UniformRealDistribution;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;
import org.apache.commons.math3.stat.descriptive.rank.Median;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.apache.commons.math3.stat.ranking.NaNStrategy;
import org.apache.commons.math3.stat.ranking.NaturalRanking;
import org.apache.commons.math3.stat.ranking.TiesStrategy;

/** The statistics of the validity table, all from Apache Commons Math; NaN when a sample is too small. */
final class ValidityMetrics {

    private ValidityMetrics() {
    }

    /** Spearman's rank correlation (ties get average ranks). */
    static double spearman(double[] values, double[] grades) {
        return values.length < 3 ? Double.NaN : new SpearmansCorrelation().correlation(values, grades);
    }

    /**
     * AUROC of {@code higher} against {@code lower}: the probability that a unit of {@code higher} reads above one
     * of {@code lower}, ties counting half, i.e. the Mann-Whitney U of {@code higher} over n1 n2. U comes from the
     * rank sum under Commons Math's average-rank ranking, because MannWhitneyUTest.mannWhitneyU returns
     * max(U1, U2), which has lost the direction.
     */
    static double auroc(double[] lower, double[] higher) {
        if (lower.length == 0 || higher.length == 0) {
            return Double.NaN;
        }
        double[] both = new double[lower.length + higher.length];
        System.arraycopy(lower, 0, both, 0, lower.length);
        System.arraycopy(higher, 0, both, lower.length, higher.length);
        double[] ranks = new NaturalRanking(NaNStrategy.FAILED, TiesStrategy.AVERAGE).rank(both);
        double rankSum = 0;
        for (int i = lower.length; i < both.length; i++) {
            rankSum += ranks[i];
        }
        double u = rankSum - higher.length * (higher.length + 1.0) / 2;
        return u / ((double) lower.length * higher.length);
    }

    static double median(double[] values) {
        return values.length == 0 ? Double.NaN : new Median().evaluate(values);
    }

    /** The largest distance between the empirical CDF of percentiles and the uniform one on [0, 100], x 100. */
    static double uniformDeviation(double[] percentiles) {
        return percentiles.length == 0 ? Double.NaN
                : 100 * new KolmogorovSmirnovTest().kolmogorovSmirnovStatistic(new UniformRealDistribution(0, 100),
                        percentiles);
    }
}
