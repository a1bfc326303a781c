package io.noveltylens.core.analysis;

import java.util.List;

/**
 * A 2-D picture of the query (point 0) and its neighbours (points 1..k): classical multidimensional scaling of their
 * exact pairwise distances between unit vectors. It is a projection: distances in the picture approximate the real
 * ones, and {@code varianceShown} says how much of the neighbourhood's spread the two axes keep.
 */
public record NeighbourhoodMap(List<double[]> points, double varianceShown) {

    public NeighbourhoodMap {
        points = List.copyOf(points);
    }

    /**
     * Classical MDS: with G the Gram matrix of the unit vectors, the doubly centred J G J equals -1/2 J D^2 J for
     * D^2 = 2 - 2 cos, so its two leading eigenvectors scaled by the root of their eigenvalues are the coordinates.
     */
    public static NeighbourhoodMap of(float[][] units) {
        int n = units.length;
        double[][] gram = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double dot = 0;
                for (int d = 0; d < units[i].length; d++) {
                    dot += (double) units[i][d] * units[j][d];
                }
                gram[i][j] = dot;
                gram[j][i] = dot;
            }
        }
        double[][] centred = doublyCentred(gram);
        double trace = 0;
        for (int i = 0; i < n; i++) {
            trace += centred[i][i];
        }
        double[][] coordinates = new double[n][2];
        double shown = 0;
        for (int axis = 0; axis < 2 && n > 1; axis++) {
            double[] vector = leadingEigenvector(centred);
            double value = rayleigh(centred, vector);
            if (value <= 0) {
                break;
            }
            shown += value;
            for (int i = 0; i < n; i++) {
                coordinates[i][axis] = vector[i] * Math.sqrt(value);
                for (int j = 0; j < n; j++) {
                    centred[i][j] -= value * vector[i] * vector[j]; // deflate
                }
            }
        }
        return new NeighbourhoodMap(List.of(coordinates), trace > 0 ? Math.min(1, shown / trace) : 1);
    }

    private static double[][] doublyCentred(double[][] gram) {
        int n = gram.length;
        double[] rowMeans = new double[n];
        double total = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                rowMeans[i] += gram[i][j] / n;
            }
            total += rowMeans[i] / n;
        }
        double[][] centred = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                centred[i][j] = gram[i][j] - rowMeans[i] - rowMeans[j] + total;
            }
        }
        return centred;
    }

    /** Power iteration; the matrices here are at most a few dozen rows, so a fixed iteration count is plenty. */
    private static double[] leadingEigenvector(double[][] matrix) {
        int n = matrix.length;
        double[] vector = new double[n];
        for (int i = 0; i < n; i++) {
            vector[i] = 1 + 0.01 * i; // not orthogonal to the leading eigenvector, and deterministic
        }
        for (int iteration = 0; iteration < 500; iteration++) {
            double[] next = new double[n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    next[i] += matrix[i][j] * vector[j];
                }
            }
            double norm = 0;
            for (double value : next) {
                norm += value * value;
            }
            norm = Math.sqrt(norm);
            if (norm == 0) {
                return vector;
            }
            for (int i = 0; i < n; i++) {
                vector[i] = next[i] / norm;
            }
        }
        return vector;
    }

    private static double rayleigh(double[][] matrix, double[] vector) {
        double value = 0;
        for (int i = 0; i < vector.length; i++) {
            for (int j = 0; j < vector.length; j++) {
                value += vector[i] * matrix[i][j] * vector[j];
            }
        }
        return value;
    }
}
