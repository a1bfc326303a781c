package io.noveltylens.core.hull;

import io.noveltylens.core.math.FloatMatrix;
import io.noveltylens.test.support.Vectors;

/**
 * The exact distance from a point to the hull of a handful of points, by brute force over faces: the projection onto
 * the hull is the projection onto the affine hull of some affinely independent subset, with non-negative barycentric
 * weights, so the minimum over all subsets whose projection has such weights is the distance. Independent of
 * Frank-Wolfe and of any LP; exponential in the number of points, so only for tiny instances.
 */
final class ExactProjection {

    private ExactProjection() {
    }

    static double distance(FloatMatrix points, double[] query) {
        int n = points.rows();
        double best = Double.POSITIVE_INFINITY;
        for (int mask = 1; mask < 1 << n; mask++) {
            int[] subset = new int[Integer.bitCount(mask)];
            for (int i = 0, k = 0; i < n; i++) {
                if ((mask & 1 << i) != 0) {
                    subset[k++] = i;
                }
            }
            best = Math.min(best, faceDistance(points, subset, query));
        }
        return best;
    }

    /** The distance to the face spanned by {@code subset}, or infinity when the projection leaves the face. */
    private static double faceDistance(FloatMatrix points, int[] subset, double[] query) {
        int dim = points.cols();
        int m = subset.length - 1;
        double[] origin = toDouble(points.row(subset[0]));
        double[][] edges = new double[m][];
        for (int a = 0; a < m; a++) {
            edges[a] = toDouble(points.row(subset[a + 1]));
            for (int j = 0; j < dim; j++) {
                edges[a][j] -= origin[j];
            }
        }
        // Normal equations of min || origin + E c - q ||: (E E^T) c = E (q - origin).
        double[][] system = new double[m][m + 1];
        for (int a = 0; a < m; a++) {
            for (int b = 0; b < m; b++) {
                system[a][b] = Vectors.dot(edges[a], edges[b]);
            }
            double rhs = 0;
            for (int j = 0; j < dim; j++) {
                rhs += edges[a][j] * (query[j] - origin[j]);
            }
            system[a][m] = rhs;
        }
        double[] c = solve(system);
        if (c == null) {
            return Double.POSITIVE_INFINITY;
        }
        double sum = 0;
        for (double ci : c) {
            if (ci < -1e-12) {
                return Double.POSITIVE_INFINITY;
            }
            sum += ci;
        }
        if (sum > 1 + 1e-12) {
            return Double.POSITIVE_INFINITY;
        }
        double[] point = origin.clone();
        for (int a = 0; a < m; a++) {
            for (int j = 0; j < dim; j++) {
                point[j] += c[a] * edges[a][j];
            }
        }
        return Corpora.distance(point, query);
    }

    /** Gaussian elimination with partial pivoting; null when the points are (nearly) affinely dependent. */
    private static double[] solve(double[][] augmented) {
        int m = augmented.length;
        for (int col = 0; col < m; col++) {
            int pivot = col;
            for (int r = col + 1; r < m; r++) {
                if (Math.abs(augmented[r][col]) > Math.abs(augmented[pivot][col])) {
                    pivot = r;
                }
            }
            if (Math.abs(augmented[pivot][col]) < 1e-10) {
                return null;
            }
            double[] swap = augmented[col];
            augmented[col] = augmented[pivot];
            augmented[pivot] = swap;
            for (int r = 0; r < m; r++) {
                if (r != col) {
                    double factor = augmented[r][col] / augmented[col][col];
                    for (int k = col; k <= m; k++) {
                        augmented[r][k] -= factor * augmented[col][k];
                    }
                }
            }
        }
        double[] x = new double[m];
        for (int r = 0; r < m; r++) {
            x[r] = augmented[r][m] / augmented[r][r];
        }
        return x;
    }

    private static double[] toDouble(float[] row) {
        double[] out = new double[row.length];
        for (int j = 0; j < row.length; j++) {
            out[j] = row[j];
        }
        return out;
    }
}
