package io.noveltylens.core.stats;

/**
 * A confidence interval.
 *
 * @param level the nominal coverage, in (0, 1): 0.95 for a 95 % interval
 */
public record Interval(double lower, double upper, double level) {

    public boolean contains(double value) {
        return lower <= value && value <= upper;
    }
}
