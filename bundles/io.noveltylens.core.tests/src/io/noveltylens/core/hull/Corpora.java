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

    /**
     * A query whose nearest hull point lies inside a face of several rows, and the rows of that face.
     *
     * @param face     the rows lifted onto the supporting hyperplane; the nearest hull point is their centroid
     * @param distance the exact distance from the query to the hull
     */
    record FaceQuery(FloatMatrix corpus, int[] face, double[] query, double distance) {
    }

    /**
     * Gaussian rows, of which {@code faceSize} random ones are lifted to x_0 = h, one above every other row's x_0; the
     * query is their centroid c plus {@code distance} along e_0. The hyperplane x_0 = h holds the whole hull on one
     * side and c (a convex combination of rows) on it, and q - c is its normal, so c is the nearest hull point and
     * {@code distance} the exact distance. With {@code faceSize <= dim} the face rows are affinely independent, so c
     * is interior to the face, away from every vertex; and any weight w on rows off the face lowers x_0 by at least
     * w, so a hull point at most (1 + e) * distance away puts at least 1 - e * distance of its weight on the face.
     */
    static FaceQuery beyondFace(int rows, int dim, int faceSize, double distance, Random random) {
        float[] data = new float[rows * dim];
        float top = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) random.nextGaussian();
            top = i % dim == 0 ? Math.max(top, data[i]) : top;
        }
        float h = top + 1;
        int[] face = random.ints(0, rows).distinct().limit(faceSize).toArray();
        double[] query = new double[dim];
        for (int row : face) {
            data[row * dim] = h;
            for (int j = 0; j < dim; j++) {
                query[j] += data[row * dim + j] / (double) faceSize;
            }
        }
        query[0] = h + distance;
        return new FaceQuery(new FloatMatrix(rows, dim, data), face, query, distance);
    }

    /** The row farthest from {@code point}: a start vertex that leaves a solver the whole way to go. */
    static int farthestRow(FloatMatrix corpus, double[] point) {
        int farthest = 0;
        for (int i = 1; i < corpus.rows(); i++) {
            if (corpus.squaredDistance(i, point) > corpus.squaredDistance(farthest, point)) {
                farthest = i;
            }
        }
        return farthest;
    }

    static double distance(double[] a, double[] b) {
        double sum = 0;
        for (int j = 0; j < a.length; j++) {
            sum += (a[j] - b[j]) * (a[j] - b[j]);
        }
        return Math.sqrt(sum);
    }
}
