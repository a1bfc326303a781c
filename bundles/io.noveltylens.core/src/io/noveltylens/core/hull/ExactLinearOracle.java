package io.noveltylens.core.hull;

import io.noveltylens.core.math.FloatMatrix;

/**
 * The linear oracle over a corpus in memory: one N x D pass over every row (26 M multiply-adds for the default
 * corpus), so every answer is the true maximum and certified. Over a corpus projected on its principal components,
 * the leading columns are the leading components.
 */
public final class ExactLinearOracle implements ComponentOracle {

    private final FloatMatrix corpus;
    private volatile double spread = Double.NaN;

    public ExactLinearOracle(FloatMatrix corpus) {
        this.corpus = corpus;
    }

    /** The rows this oracle scans. */
    public FloatMatrix matrix() {
        return corpus;
    }

    @Override
    public int rows() {
        return corpus.rows();
    }

    @Override
    public int dimension() {
        return corpus.cols();
    }

    /** Computed on first use (one pass) and kept: solvers are built once per corpus. */
    @Override
    public double spread() {
        double known = spread;
        if (Double.isNaN(known)) {
            known = corpus.spread();
            spread = known;
        }
        return known;
    }

    @Override
    public float[][] vectors(int[] rows) {
        float[][] vectors = new float[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            vectors[i] = corpus.row(rows[i]);
        }
        return vectors;
    }

    @Override
    public int[] nearestRows(double[] point, int count) {
        return corpus.nearestRows(point, count);
    }

    @Override
    public Maximisers maximise(double[] direction, int count, FetchedRows held) {
        double[] values = new double[corpus.rows()];
        corpus.multiply(direction, values);
        int[] rows = LargestRows.of(values, count, row -> !held.contains(row));
        double[] found = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            found[i] = values[rows[i]];
        }
        return new Maximisers(rows, found, vectors(rows), true);
    }

    @Override
    public ComponentOracle leadingComponents(int d) {
        return d == corpus.cols() ? this : new ExactLinearOracle(corpus.leadingColumns(d));
    }
}
