package io.noveltylens.core.stats;

import org.apache.commons.statistics.descriptive.Quantile;

/**
 * The spread of a sample: its extremes, quartiles and median. Quantiles are Hyndman and Fan's type 7 (linear
 * interpolation between order statistics), the default of R's {@code quantile} and NumPy's {@code percentile}, so a
 * researcher who checks a figure in either gets the same number (docs/research.md, Statistics).
 */
public record Quartiles(int n, double min, double lowerQuartile, double median, double upperQuartile, double max) {

    private static final Quantile TYPE_7 = Quantile.withDefaults().with(Quantile.EstimationMethod.HF7);

    /** The quartiles of {@code values}, which must not be empty or hold NaN. */
    public static Quartiles of(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no values");
        }
        double[] q = TYPE_7.evaluate(values, 0, 0.25, 0.5, 0.75, 1);
        return new Quartiles(values.length, q[0], q[1], q[2], q[3], q[4]);
    }

    /** The median of {@code values} (type 7, which for the median is the usual midpoint of the two middle values). */
    public static double median(double[] values) {
        return TYPE_7.evaluate(values, 0.5);
    }

    public double interquartileRange() {
        return upperQuartile - lowerQuartile;
    }
}
