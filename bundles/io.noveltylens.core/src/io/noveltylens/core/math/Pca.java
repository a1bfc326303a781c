package io.noveltylens.core.math;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.IntStream;

import org.ojalgo.matrix.decomposition.Eigenvalue;
import org.ojalgo.matrix.store.MatrixStore;
import org.ojalgo.matrix.store.R064Store;

import io.noveltylens.core.Progress;

/**
 * Principal component analysis of a corpus: the mean, the leading eigenvectors of the sample covariance (divided by
 * N - 1) in descending order of variance, and projections onto them. The extrapolation depth (docs/design.md, Convex hull) is
 * measured in these coordinates. Immutable.
 */
public final class Pca {

    /** "PCA1": lets {@link #read} refuse a file that is not ours before trusting any length in it. */
    private static final int MAGIC = 0x50434131;
    private static final int FORMAT_VERSION = 1;

    /** Rows folded into the covariance per pass over it; see {@link #covariance}. */
    private static final int BLOCK = 4;
    /** Rows between progress reports and cancellation checks. */
    private static final int ROWS_PER_TICK = 4096;

    private final double[] mean;
    private final double[][] components;
    private final double[] variances;
    private final double totalVariance;

    private Pca(double[] mean, double[][] components, double[] variances, double totalVariance) {
        this.mean = mean;
        this.components = components;
        this.variances = variances;
        this.totalVariance = totalVariance;
    }

    /**
     * Fits the first {@code components} principal components of the rows of {@code data}. The covariance is
     * accumulated in double from centred rows; the symmetric eigen-decomposition is ojAlgo's (a 384 x 384 matrix
     * takes well under a second), so the cost is the N x D^2 / 2 covariance pass.
     *
     * @throws io.noveltylens.core.CancelledException when {@code progress} is cancelled
     */
    public static Pca fit(FloatMatrix data, int components, Progress progress) {
        int dim = data.cols();
        if (data.rows() < 2) {
            throw new IllegalArgumentException("PCA needs at least 2 rows, got " + data.rows());
        }
        requireComponents(components, dim);
        progress.begin("Computing principal components", data.rows() / ROWS_PER_TICK + 2);
        double[] mean = data.columnMeans();
        double[] scatter = scatter(data, mean, progress);
        progress.checkCanceled();
        Pca pca = ofScatter(mean, scatter, data.rows(), components);
        progress.worked(1);
        return pca;
    }

    private static void requireComponents(int components, int dim) {
        if (components < 1 || components > dim) {
            throw new IllegalArgumentException("Cannot keep " + components + " components of " + dim + " dimensions");
        }
    }

    /**
     * The PCA of {@code rows} rows with this mean and scatter matrix (the upper triangle of the sum of the centred
     * rows' outer products, row-major; it is overwritten with the covariance): the scatter divided by N - 1, and its
     * leading eigenvectors from ojAlgo's symmetric eigen-decomposition (a 384 x 384 matrix takes well under a second).
     */
    static Pca ofScatter(double[] mean, double[] scatter, long rows, int components) {
        int dim = mean.length;
        requireComponents(components, dim);
        double[] covariance = scatter;
        double norm = 1.0 / (rows - 1);
        for (int j = 0; j < dim; j++) {
            for (int k = j; k < dim; k++) {
                double value = covariance[j * dim + k] * norm;
                covariance[j * dim + k] = value;
                covariance[k * dim + j] = value;
            }
        }
        Eigenvalue<Double> eigen = Eigenvalue.R064.make(true);
        if (!eigen.decompose(R064Store.wrap(covariance, dim))) {
            throw new IllegalStateException("The eigen-decomposition of the covariance failed");
        }
        double[] values = new double[dim];
        eigen.getEigenvalues(values, Optional.empty());
        MatrixStore<Double> vectors = eigen.getV();
        Integer[] order = IntStream.range(0, dim).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> values[i]).reversed());

        double[][] kept = new double[components][dim];
        double[] variances = new double[components];
        for (int c = 0; c < components; c++) {
            int column = order[c];
            for (int j = 0; j < dim; j++) {
                kept[c][j] = vectors.doubleValue(j, column);
            }
            orientByLargestEntry(kept[c]);
            // Rounding can leave the smallest eigenvalues of a rank-deficient covariance slightly negative.
            variances[c] = Math.max(values[column], 0);
        }
        double trace = 0;
        for (int j = 0; j < dim; j++) {
            trace += covariance[j * dim + j];
        }
        return new Pca(mean.clone(), kept, variances, trace);
    }

    /**
     * The upper triangle of the scatter matrix (the sum of the outer products of the rows centred on {@code mean}),
     * row-major. Rows are folded in {@value #BLOCK} at a time so that each load and store of the D x D accumulator
     * carries four multiply-adds instead of one: the accumulator (1.2 MB at D = 384) does not fit in L1, and memory
     * traffic, not arithmetic, bounds this loop.
     */
    static double[] scatter(FloatMatrix data, double[] mean, Progress progress) {
        int rows = data.rows();
        int dim = data.cols();
        double[] cov = new double[dim * dim];
        double[][] block = new double[BLOCK][dim];
        for (int start = 0; start < rows; start += BLOCK) {
            int count = Math.min(BLOCK, rows - start);
            for (int b = 0; b < BLOCK; b++) {
                double[] centred = block[b];
                if (b < count) {
                    for (int j = 0; j < dim; j++) {
                        centred[j] = data.get(start + b, j) - mean[j];
                    }
                } else {
                    Arrays.fill(centred, 0);
                }
            }
            double[] x0 = block[0];
            double[] x1 = block[1];
            double[] x2 = block[2];
            double[] x3 = block[3];
            for (int j = 0; j < dim; j++) {
                double a0 = x0[j];
                double a1 = x1[j];
                double a2 = x2[j];
                double a3 = x3[j];
                int base = j * dim;
                for (int k = j; k < dim; k++) {
                    cov[base + k] += a0 * x0[k] + a1 * x1[k] + a2 * x2[k] + a3 * x3[k];
                }
            }
            if ((start + BLOCK) % ROWS_PER_TICK == 0) {
                progress.worked(1);
                progress.checkCanceled();
            }
        }
        return cov;
    }

    /** Eigenvectors have no sign; fixing one makes two fits of the same corpus give the same coordinates. */
    private static void orientByLargestEntry(double[] vector) {
        int largest = 0;
        for (int j = 1; j < vector.length; j++) {
            if (Math.abs(vector[j]) > Math.abs(vector[largest])) {
                largest = j;
            }
        }
        if (vector[largest] < 0) {
            for (int j = 0; j < vector.length; j++) {
                vector[j] = -vector[j];
            }
        }
    }

    /** The dimension of the space the components live in. */
    public int dimension() {
        return mean.length;
    }

    /** The number of components kept. */
    public int componentCount() {
        return components.length;
    }

    /** A copy of the corpus mean. */
    public double[] mean() {
        return mean.clone();
    }

    /** A copy of the components, one orthonormal row each, in descending order of variance. */
    public double[][] components() {
        double[][] copy = new double[components.length][];
        for (int c = 0; c < components.length; c++) {
            copy[c] = components[c].clone();
        }
        return copy;
    }

    /** The variance of the corpus along each kept component (the covariance's eigenvalues), descending. */
    public double[] explainedVariance() {
        return variances.clone();
    }

    /** The corpus's total variance (the covariance's trace), so that callers can state explained ratios. */
    public double totalVariance() {
        return totalVariance;
    }

    /** The coordinates of {@code x} on the first {@code d} components. */
    public double[] project(float[] x, int d) {
        checkComponents(d);
        if (x.length != mean.length) {
            throw new IllegalArgumentException("Expected a vector of " + mean.length + " values, got " + x.length);
        }
        double[] centred = new double[x.length];
        for (int j = 0; j < x.length; j++) {
            centred[j] = x[j] - mean[j];
        }
        double[] coordinates = new double[d];
        for (int c = 0; c < d; c++) {
            double sum = 0;
            for (int j = 0; j < centred.length; j++) {
                sum += components[c][j] * centred[j];
            }
            coordinates[c] = sum;
        }
        return coordinates;
    }

    /**
     * The coordinates of every row of {@code x} on the first {@code d} components. Computed as
     * {@code <c, x> - <c, mean>} so that the inner loop is {@link FloatMatrix#dotRow} on the raw floats.
     */
    public FloatMatrix projectAll(FloatMatrix x, int d) {
        checkComponents(d);
        if (x.cols() != mean.length) {
            throw new IllegalArgumentException("Expected rows of " + mean.length + " values, got " + x.cols());
        }
        double[] meanCoordinates = new double[d];
        for (int c = 0; c < d; c++) {
            double sum = 0;
            for (int j = 0; j < mean.length; j++) {
                sum += components[c][j] * mean[j];
            }
            meanCoordinates[c] = sum;
        }
        float[] out = new float[x.rows() * d];
        for (int i = 0; i < x.rows(); i++) {
            for (int c = 0; c < d; c++) {
                out[i * d + c] = (float) (x.dotRow(i, components[c]) - meanCoordinates[c]);
            }
        }
        return new FloatMatrix(x.rows(), d, out);
    }

    /** The point of the original space with the given coordinates on the first {@code coordinates.length} components. */
    public double[] reconstruct(double[] coordinates) {
        checkComponents(coordinates.length);
        double[] point = mean.clone();
        for (int c = 0; c < coordinates.length; c++) {
            for (int j = 0; j < point.length; j++) {
                point[j] += coordinates[c] * components[c][j];
            }
        }
        return point;
    }

    private void checkComponents(int d) {
        if (d < 0 || d > components.length) {
            throw new IllegalArgumentException("Asked for " + d + " components, " + components.length + " are kept");
        }
    }

    /** Writes this PCA in a versioned binary format that {@link #read} understands. */
    public void write(DataOutput out) throws IOException {
        out.writeInt(MAGIC);
        out.writeInt(FORMAT_VERSION);
        out.writeInt(mean.length);
        out.writeInt(components.length);
        out.writeDouble(totalVariance);
        writeDoubles(out, mean);
        writeDoubles(out, variances);
        for (double[] component : components) {
            writeDoubles(out, component);
        }
    }

    /**
     * Reads a PCA written by {@link #write}.
     *
     * @throws IOException when the data are not a PCA of a format version this code knows, or are cut short
     */
    public static Pca read(DataInput in) throws IOException {
        int magic = in.readInt();
        if (magic != MAGIC) {
            throw new IOException("Not a Novelty Lens PCA file (bad header); rebuild the index");
        }
        int version = in.readInt();
        if (version != FORMAT_VERSION) {
            throw new IOException("PCA format version " + version + " is not supported (expected " + FORMAT_VERSION
                    + "); rebuild the index");
        }
        int dim = in.readInt();
        int count = in.readInt();
        if (dim < 1 || count < 1 || count > dim) {
            throw new IOException(
                    "Corrupt PCA file: " + count + " components of " + dim + " dimensions; rebuild the index");
        }
        double totalVariance = in.readDouble();
        double[] mean = readDoubles(in, dim);
        double[] variances = readDoubles(in, count);
        double[][] components = new double[count][];
        for (int c = 0; c < count; c++) {
            components[c] = readDoubles(in, dim);
        }
        return new Pca(mean, components, variances, totalVariance);
    }

    private static void writeDoubles(DataOutput out, double[] values) throws IOException {
        for (double value : values) {
            out.writeDouble(value);
        }
    }

    private static double[] readDoubles(DataInput in, int count) throws IOException {
        double[] values = new double[count];
        for (int i = 0; i < count; i++) {
            values[i] = in.readDouble();
        }
        return values;
    }
}
