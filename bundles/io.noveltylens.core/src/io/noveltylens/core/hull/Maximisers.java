package io.noveltylens.core.hull;

/**
 * A {@link LinearOracle}'s answer: rows with the largest inner products with a direction among those asked about, in
 * no particular order.
 *
 * @param rows      the rows
 * @param values    {@code <x_i, direction>} for each, computed exactly from {@code vectors}
 * @param vectors   their coordinates
 * @param certified whether these are certainly the rows with the largest values (an exact scan), rather than what
 *                  an approximate search found
 */
public record Maximisers(int[] rows, double[] values, float[][] vectors, boolean certified) {

    public Maximisers {
        if (values.length != rows.length || vectors.length != rows.length) {
            throw new IllegalArgumentException(rows.length + " rows, " + values.length + " values, " + vectors.length
                    + " vectors");
        }
    }

    /** The largest value, or -infinity when no row was found. */
    public double max() {
        double max = Double.NEGATIVE_INFINITY;
        for (double value : values) {
            max = Math.max(max, value);
        }
        return max;
    }
}
