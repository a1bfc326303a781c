package io.noveltylens.core.hull;

import io.noveltylens.core.math.FloatMatrix;
import io.noveltylens.core.math.Pca;

/**
 * A corpus in the coordinates of its first d principal components, answered through an oracle over its raw rows,
 * for a corpus whose projection is not held anywhere (a SolrCloud collection). With P_d the components and m the
 * mean, {@code max_i <P_d (x_i - m), a> = max_i <x_i, P_d^T a> - <m, P_d^T a>}: the projected maximisation is the raw
 * one along the direction {@code w = P_d^T a}, with the same rows and the same certainty.
 */
public final class PrincipalComponentOracle implements ComponentOracle {

    private final LinearOracle raw;
    private final Pca pca;
    private final int components;
    private final double[][] axes;

    /** The rows of {@code raw} on the first {@code components} components of {@code pca}. */
    public PrincipalComponentOracle(LinearOracle raw, Pca pca, int components) {
        if (raw.dimension() != pca.dimension() || components < 1 || components > pca.componentCount()) {
            throw new IllegalArgumentException("A PCA of " + pca.componentCount() + " components in " + pca.dimension()
                    + " dimensions cannot give " + components + " coordinates of rows in " + raw.dimension());
        }
        this.raw = raw;
        this.pca = pca;
        this.components = components;
        this.axes = pca.components();
    }

    @Override
    public int rows() {
        return raw.rows();
    }

    @Override
    public int dimension() {
        return components;
    }

    /**
     * From the components' variances: the projected rows are centred, and their mean squared norm is the sum of the
     * kept variances times (N - 1) / N (the PCA's covariance divides by N - 1).
     */
    @Override
    public double spread() {
        double[] variances = pca.explainedVariance();
        double sum = 0;
        for (int c = 0; c < components; c++) {
            sum += variances[c];
        }
        int n = raw.rows();
        return Math.sqrt(sum * (n - 1) / Math.max(n, 1));
    }

    @Override
    public float[][] vectors(int[] rows) {
        float[][] projected = raw.vectors(rows);
        for (int i = 0; i < projected.length; i++) {
            projected[i] = FloatMatrix.toFloat(pca.project(projected[i], components));
        }
        return projected;
    }

    /** The raw rows near the point of the raw space with these coordinates: any rows are correct starts. */
    @Override
    public int[] nearestRows(double[] point, int count) {
        return raw.nearestRows(pca.reconstruct(point), count);
    }

    @Override
    public Maximisers maximise(double[] direction, int count, FetchedRows held) {
        double[] along = new double[pca.dimension()];
        for (int c = 0; c < components; c++) {
            for (int j = 0; j < along.length; j++) {
                along[j] += direction[c] * axes[c][j];
            }
        }
        Maximisers found = raw.maximise(along, count, held);
        float[][] vectors = new float[found.rows().length][];
        double[] values = new double[vectors.length];
        for (int i = 0; i < vectors.length; i++) {
            double[] coordinates = pca.project(found.vectors()[i], components);
            for (int c = 0; c < components; c++) {
                values[i] += direction[c] * coordinates[c];
            }
            vectors[i] = FloatMatrix.toFloat(coordinates);
        }
        return new Maximisers(found.rows(), values, vectors, found.certified());
    }

    @Override
    public ComponentOracle leadingComponents(int d) {
        return d == components ? this : new PrincipalComponentOracle(raw, pca, d);
    }
}
