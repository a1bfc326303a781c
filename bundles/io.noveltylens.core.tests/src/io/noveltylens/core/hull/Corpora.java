package io.noveltylens.core.hull;

import java.util.Random;

import io.noveltylens.core.math.FloatMatrix;

/** Synthetic corpora and queries for the hull tests, all from a caller's seeded {@link Random}. */
final class Corpora {

    private Corpora() {
    }

    /** Rows i.i.d. standard Gaussian: the symmetric continuous distribution of Wendel's theorem. */
    static FloatMatrix gaussian(int rows, int dim, Random random) {
        float[] data = new float[rows * dim];
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) random.nextGaussian();
        }
        return new FloatMatrix(rows, dim, data);
    }

    /**
     * Unit vectors shaped like sentence embeddings rather than Gaussian noise: a direction shared by all rows, a few
     * hundred topic clusters, and per-row noise, then L2 normalisation (docs/design.md section 4 warns against sizing on iid
     * Gaussians).
     */
    static FloatMatrix clusteredUnitVectors(int rows, int dim, int clusters, Random random) {
        double[] shared = unitGaussian(dim, random);
        double[][] centres = new double[clusters][];
        for (int c = 0; c < clusters; c++) {
            centres[c] = unitGaussian(dim, random);
        }
        float[] data = new float[rows * dim];
        double[] row = new double[dim];
        for (int i = 0; i < rows; i++) {
            double[] centre = centres[random.nextInt(clusters)];
            double norm = 0;
            for (int j = 0; j < dim; j++) {
                row[j] = 0.6 * shared[j] + 0.8 * centre[j] + 0.9 * random.nextGaussian() / Math.sqrt(dim);
                norm += row[j] * row[j];
            }
            norm = Math.sqrt(norm);
            for (int j = 0; j < dim; j++) {
                data[i * dim + j] = (float) (row[j] / norm);
            }
        }
        return new FloatMatrix(rows, dim, data);
    }

    private static double[] unitGaussian(int dim, Random random) {
        double[] v = new double[dim];
        double norm = 0;
        for (int j = 0; j < dim; j++) {
            v[j] = random.nextGaussian();
            norm += v[j] * v[j];
        }
        norm = Math.sqrt(norm);
        for (int j = 0; j < dim; j++) {
            v[j] /= norm;
        }
        return v;
    }

    /** A convex combination of {@code count} random rows with Dirichlet(1) weights: inside the hull by construction. */
    static double[] convexCombination(FloatMatrix corpus, int count, Random random) {
        double[] weights = new double[count];
        double total = 0;
        for (int k = 0; k < count; k++) {
            weights[k] = -Math.log(1 - random.nextDouble());
            total += weights[k];
        }
        double[] point = new double[corpus.cols()];
        for (int k = 0; k < count; k++) {
            corpus.addScaledRow(random.nextInt(corpus.rows()), weights[k] / total, point);
        }
        return point;
    }

    /**
     * A point at exactly {@code distance} from the hull: step from the row that maximises {@code <u, x>} along the
     * unit vector u. The hyperplane {@code <u, y> = max} holds the whole hull on one side, so nothing is nearer than
     * {@code distance}, and that row is exactly that far.
     */
    static double[] beyondSupportingHyperplane(FloatMatrix corpus, double distance, Random random) {
        double[] u = unitGaussian(corpus.cols(), random);
        int best = 0;
        for (int i = 1; i < corpus.rows(); i++) {
            if (corpus.dotRow(i, u) > corpus.dotRow(best, u)) {
                best = i;
            }
        }
        double[] point = new double[corpus.cols()];
        corpus.addScaledRow(best, 1, point);
        for (int j = 0; j < point.length; j++) {
            point[j] += distance * u[j];
        }
        return point;
    }

    static double distance(double[] a, double[] b) {
        double sum = 0;
        for (int j = 0; j < a.length; j++) {
            sum += (a[j] - b[j]) * (a[j] - b[j]);
        }
        return Math.sqrt(sum);
    }
}
