package io.noveltylens.benchmarks;

import java.util.Arrays;
import java.util.Collection;

/**
 * Repeated measurements of one quantity, summarised the way every figure in docs/benchmarks.md is quoted: the median
 * with its interquartile range, and the extremes.
 */
record Samples(double[] sorted) {

    Samples {
        if (sorted.length == 0) {
            throw new IllegalArgumentException("no measurements");
        }
        sorted = sorted.clone();
        Arrays.sort(sorted);
    }

    static Samples of(Collection<Double> values) {
        return new Samples(values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    int count() {
        return sorted.length;
    }

    double median() {
        return quantile(0.5);
    }

    /** Linear interpolation between the closest ranks (the usual "type 7" estimate). */
    double quantile(double q) {
        double rank = q * (sorted.length - 1);
        int below = (int) Math.floor(rank);
        int above = Math.min(sorted.length - 1, below + 1);
        return sorted[below] + (rank - below) * (sorted[above] - sorted[below]);
    }

    double min() {
        return sorted[0];
    }

    double max() {
        return sorted[sorted.length - 1];
    }

    /** "median [IQR q1-q3, n=k]" with {@code format} applied to each number. */
    String describe(String format) {
        return String.format(format, median()) + " [IQR " + String.format(format, quantile(0.25)) + "-"
                + String.format(format, quantile(0.75)) + ", n=" + count() + "]";
    }

    /** "median [min-max, n=k]": for few repetitions, where quartiles would say little. */
    String describeRange(String format) {
        return String.format(format, median()) + " [" + String.format(format, min()) + "-"
                + String.format(format, max()) + ", n=" + count() + "]";
    }
}
