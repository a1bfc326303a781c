package io.noveltylens.core.stats;

/** A number computed from two samples, such as the difference of their medians: what {@link Bootstrap} resamples. */
@FunctionalInterface
public interface TwoSampleStatistic {

    double of(double[] first, double[] second);
}
