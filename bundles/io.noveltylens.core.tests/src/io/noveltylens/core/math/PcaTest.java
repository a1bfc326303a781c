package io.noveltylens.core.math;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.noveltylens.core.CancelledException;
import io.noveltylens.core.Progress;
import io.noveltylens.test.support.Vectors;

class PcaTest {

    private static final int DIM = 24;
    private static final double[] AXIS_SCALES = { 6, 4, 3, 2, 1.5, 1, 0.5 };

    /**
     * Data with known principal axes: a random orthonormal basis Q, latent coordinates with the standard deviations
     * {@link #AXIS_SCALES} (zero beyond), x = mean + Q z. Its covariance has rank 7.
     */
    private static double[][] basis(Random random) {
        double[][] q = new double[AXIS_SCALES.length][DIM];
        for (int a = 0; a < q.length; a++) {
            for (int j = 0; j < DIM; j++) {
                q[a][j] = random.nextGaussian();
            }
            for (int b = 0; b < a; b++) {
                double dot = Vectors.dot(q[a], q[b]);
                for (int j = 0; j < DIM; j++) {
                    q[a][j] -= dot * q[b][j];
                }
            }
            double norm = Math.sqrt(Vectors.dot(q[a], q[a]));
            for (int j = 0; j < DIM; j++) {
                q[a][j] /= norm;
            }
        }
        return q;
    }

    private static FloatMatrix knownAxes(int rows, double[][] basis, Random random) {
        float[] data = new float[rows * DIM];
        for (int i = 0; i < rows; i++) {
            for (int a = 0; a < basis.length; a++) {
                double z = AXIS_SCALES[a] * random.nextGaussian();
                for (int j = 0; j < DIM; j++) {
                    data[i * DIM + j] += (float) (z * basis[a][j]);
                }
            }
            for (int j = 0; j < DIM; j++) {
                data[i * DIM + j] += (float) (0.1 * j);
            }
        }
        return new FloatMatrix(rows, DIM, data);
    }

    /** The sample covariance, the naive way: the independent side of the oracle. */
    private static double[][] naiveCovariance(FloatMatrix data) {
        int n = data.rows();
        double[] mean = new double[DIM];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < DIM; j++) {
                mean[j] += data.get(i, j) / (double) n;
            }
        }
        double[][] cov = new double[DIM][DIM];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < DIM; j++) {
                for (int k = 0; k < DIM; k++) {
                    cov[j][k] += (data.get(i, j) - mean[j]) * (data.get(i, k) - mean[k]) / (n - 1);
                }
            }
        }
        return cov;
    }

    /** Power iteration with deflation: eigenpairs of a symmetric matrix, largest first, found without ojAlgo. */
    private static double[][] powerIteration(double[][] matrix, int count, double[] values) {
        double[][] a = new double[DIM][];
        for (int j = 0; j < DIM; j++) {
            a[j] = matrix[j].clone();
        }
        double[][] vectors = new double[count][];
        Random random = new Random(99);
        for (int c = 0; c < count; c++) {
            double[] v = new double[DIM];
            for (int j = 0; j < DIM; j++) {
                v[j] = random.nextGaussian();
            }
            double lambda = 0;
            for (int iteration = 0; iteration < 5000; iteration++) {
                double[] w = new double[DIM];
                for (int j = 0; j < DIM; j++) {
                    w[j] = Vectors.dot(a[j], v);
                }
                lambda = Math.sqrt(Vectors.dot(w, w));
                for (int j = 0; j < DIM; j++) {
                    v[j] = w[j] / lambda;
                }
            }
            values[c] = lambda;
            vectors[c] = v;
            for (int j = 0; j < DIM; j++) {
                for (int k = 0; k < DIM; k++) {
                    a[j][k] -= lambda * v[j] * v[k];
                }
            }
        }
        return vectors;
    }

    @Test
    void componentsAreOrthonormalWithDescendingVariances() {
        Pca pca = Pca.fit(knownAxes(2000, basis(new Random(1)), new Random(2)), DIM, Progress.NONE);
        double[][] c = pca.components();
        for (int a = 0; a < DIM; a++) {
            for (int b = 0; b < DIM; b++) {
                assertEquals(a == b ? 1 : 0, Vectors.dot(c[a], c[b]), 1e-10, "<c" + a + ", c" + b + ">");
            }
        }
        double[] variances = pca.explainedVariance();
        for (int a = 1; a < DIM; a++) {
            assertTrue(variances[a] <= variances[a - 1], "variance " + a + " exceeds its predecessor");
        }
        double sum = 0;
        for (double v : variances) {
            sum += v;
        }
        assertEquals(pca.totalVariance(), sum, 1e-9 * sum, "all eigenvalues sum to the trace");
    }

    /** Oracle: power iteration on the naively computed covariance gives the same eigenpairs. */
    @Test
    void variancesAndComponentsAreTheCovarianceEigenpairs() {
        FloatMatrix data = knownAxes(3000, basis(new Random(3)), new Random(4));
        Pca pca = Pca.fit(data, 5, Progress.NONE);
        double[] expectedValues = new double[5];
        double[][] expectedVectors = powerIteration(naiveCovariance(data), 5, expectedValues);
        double[][] components = pca.components();
        for (int c = 0; c < 5; c++) {
            assertEquals(expectedValues[c], pca.explainedVariance()[c], 1e-9 * expectedValues[0], "variance " + c);
            assertEquals(1, Math.abs(Vectors.dot(expectedVectors[c], components[c])), 1e-8,
                    "component " + c + " up to sign");
        }
    }

    /** Oracle: the data were built along known axes with known scales; the sample estimate is within sampling error. */
    @Test
    void recoversTheAxesTheDataWereBuiltAlong() {
        double[][] axes = basis(new Random(5));
        Pca pca = Pca.fit(knownAxes(20000, axes, new Random(6)), AXIS_SCALES.length, Progress.NONE);
        for (int a = 0; a < AXIS_SCALES.length; a++) {
            double expected = AXIS_SCALES[a] * AXIS_SCALES[a];
            // The standard error of a sample variance is sigma^2 sqrt(2 / n), 1 % at n = 20,000.
            assertEquals(expected, pca.explainedVariance()[a], 0.05 * expected, "variance along axis " + a);
            assertTrue(Math.abs(Vectors.dot(axes[a], pca.components()[a])) > 0.99, "axis " + a);
        }
        assertEquals(0.1 * 5, pca.mean()[5], 0.1);
    }

    @Test
    void reconstructsPointsInTheSpanOfTheKeptComponents() {
        FloatMatrix data = knownAxes(500, basis(new Random(7)), new Random(8));
        Pca pca = Pca.fit(data, AXIS_SCALES.length, Progress.NONE);
        FloatMatrix projected = pca.projectAll(data, AXIS_SCALES.length);
        for (int i = 0; i < 20; i++) {
            double[] coordinates = pca.project(data.row(i), AXIS_SCALES.length);
            for (int c = 0; c < coordinates.length; c++) {
                assertEquals(coordinates[c], projected.get(i, c), 1e-5 * (1 + Math.abs(coordinates[c])));
            }
            double[] back = pca.reconstruct(coordinates);
            for (int j = 0; j < DIM; j++) {
                assertEquals(data.get(i, j), back[j], 1e-4, "row " + i + " column " + j);
            }
        }
        assertArrayEquals(pca.project(data.row(0), 2), Arrays.copyOf(pca.project(data.row(0), 7), 2), 0, "prefix");
    }

    @Test
    void writeAndReadRoundTripExactly() throws IOException {
        Pca pca = Pca.fit(knownAxes(300, basis(new Random(9)), new Random(10)), 6, Progress.NONE);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        pca.write(new DataOutputStream(bytes));
        Pca read = Pca.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        assertArrayEquals(pca.mean(), read.mean(), 0);
        assertArrayEquals(pca.explainedVariance(), read.explainedVariance(), 0);
        assertEquals(pca.totalVariance(), read.totalVariance(), 0);
        for (int c = 0; c < 6; c++) {
            assertArrayEquals(pca.components()[c], read.components()[c], 0);
        }
    }

    @Test
    void readRefusesForeignDataAndOtherVersions() throws IOException {
        ByteArrayOutputStream foreign = new ByteArrayOutputStream();
        new DataOutputStream(foreign).writeLong(42);
        assertThrows(IOException.class,
                () -> Pca.read(new DataInputStream(new ByteArrayInputStream(foreign.toByteArray()))));

        ByteArrayOutputStream future = new ByteArrayOutputStream();
        Pca.fit(knownAxes(50, basis(new Random(11)), new Random(12)), 2, Progress.NONE)
                .write(new DataOutputStream(future));
        byte[] bytes = future.toByteArray();
        bytes[7] = 99; // the format version's low byte
        IOException error = assertThrows(IOException.class,
                () -> Pca.read(new DataInputStream(new ByteArrayInputStream(bytes))));
        assertTrue(error.getMessage().contains("version 99"), error.getMessage());
    }

    @Test
    void fitStopsWhenCancelled() {
        Progress cancelled = Progress.cancelledWhen(() -> true);
        FloatMatrix data = knownAxes(10000, basis(new Random(13)), new Random(14));
        assertThrows(CancelledException.class, () -> Pca.fit(data, 3, cancelled));
    }
}
