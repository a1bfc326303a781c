package io.noveltylens.core.math;

import io.noveltylens.core.Progress;

/**
 * The PCA of rows that arrive a batch at a time and are not kept: a corpus filled into a remote collection never has
 * all its vectors on one machine. Holds only the running mean and scatter matrix (D^2 doubles: 1.2 MB at D = 384).
 * Each batch's scatter is taken about its own mean and merged exactly (Chan, Golub and LeVeque 1979):
 * {@code M = M_a + M_b + d d^T n_a n_b / n} with {@code d} the difference of the means, which, unlike summing raw
 * outer products, loses no precision to the mean's magnitude. The result equals {@link Pca#fit} of all the rows up
 * to rounding.
 */
public final class PcaAccumulator {

    private final int dimension;
    private final double[] mean;
    private final double[] scatter;
    private long rows;

    public PcaAccumulator(int dimension) {
        this.dimension = dimension;
        this.mean = new double[dimension];
        this.scatter = new double[dimension * dimension];
    }

    /** Folds in the rows of {@code batch}. */
    public void add(FloatMatrix batch) {
        if (batch.cols() != dimension) {
            throw new IllegalArgumentException("Expected rows of " + dimension + " values, got " + batch.cols());
        }
        if (batch.rows() == 0) {
            return;
        }
        double[] batchMean = batch.columnMeans();
        double[] batchScatter = Pca.scatter(batch, batchMean, Progress.NONE);
        long total = rows + batch.rows();
        double weight = (double) rows * batch.rows() / total;
        double[] delta = new double[dimension];
        for (int j = 0; j < dimension; j++) {
            delta[j] = batchMean[j] - mean[j];
        }
        for (int j = 0; j < dimension; j++) {
            int base = j * dimension;
            double dj = delta[j] * weight;
            for (int k = j; k < dimension; k++) {
                scatter[base + k] += batchScatter[base + k] + dj * delta[k];
            }
        }
        double share = (double) batch.rows() / total;
        for (int j = 0; j < dimension; j++) {
            mean[j] += delta[j] * share;
        }
        rows = total;
    }

    /** The length of every row. */
    public int dimension() {
        return dimension;
    }

    /** How many rows were folded in. */
    public long rows() {
        return rows;
    }

    /** The first {@code components} principal components of every row added; the accumulator stays usable. */
    public Pca fit(int components) {
        if (rows < 2) {
            throw new IllegalArgumentException("PCA needs at least 2 rows, got " + rows);
        }
        return Pca.ofScatter(mean, scatter.clone(), rows, components);
    }
}
