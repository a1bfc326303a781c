package io.noveltylens.core.math;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Comparator;
import java.util.PriorityQueue;

/**
 * A dense row-major matrix of floats in one flat block of memory, sized for a corpus of embeddings (65,000 x 384 is
 * 100 MB). The block is a float array on the heap or, for a corpus read from an index, a file mapped into memory
 * ({@link #over}): the hull's scans then read the index's own pages, and the heap holds no copy of them (docs/design.md,
 * Memory). Immutable by convention: no method writes to the block. Products accumulate in double, so a float corpus
 * loses nothing beyond its own precision. A matrix may be a view of the leading columns of another
 * ({@link #leadingColumns}), sharing its block: rows then lie {@code stride} apart.
 */
public final class FloatMatrix {

    /** Native byte order, the order of a float array; files are mapped only on a little-endian machine. */
    private static final ValueLayout.OfFloat FLOAT = ValueLayout.JAVA_FLOAT_UNALIGNED;
    /** Floats a {@link #scan} copies at a time: 16 KB, a third of a first-level data cache. */
    private static final int BLOCK_FLOATS = 4096;

    private final int rows;
    private final int cols;
    private final int stride;
    private final MemorySegment data;
    /** The values when they are a heap array, which scans read directly; null for a mapped file. */
    private final float[] array;

    /** Wraps {@code data} (row-major, {@code rows * cols} long) without copying; the caller must not change it. */
    public FloatMatrix(int rows, int cols, float[] data) {
        this(rows, cols, cols, MemorySegment.ofArray(data), data);
        if (rows < 0 || cols < 0 || (long) rows * cols != data.length) {
            throw new IllegalArgumentException(
                    "A " + rows + " x " + cols + " matrix needs " + (long) rows * cols + " values, got " + data.length);
        }
    }

    private FloatMatrix(int rows, int cols, int stride, MemorySegment data, float[] array) {
        this.rows = rows;
        this.cols = cols;
        this.stride = stride;
        this.data = data;
        this.array = array;
    }

    /**
     * Reads {@code segment} (row-major floats in native byte order, exactly {@code rows * cols} of them) in place,
     * without copying: a file mapped into memory. The matrix may be used only while the segment's arena is open; after
     * that every read throws {@link IllegalStateException}.
     */
    public static FloatMatrix over(MemorySegment segment, int rows, int cols) {
        if (rows < 0 || cols < 0 || segment.byteSize() != (long) rows * cols * Float.BYTES) {
            throw new IllegalArgumentException("A " + rows + " x " + cols + " matrix needs "
                    + (long) rows * cols * Float.BYTES + " bytes, got " + segment.byteSize());
        }
        return new FloatMatrix(rows, cols, cols, segment, null);
    }

    /**
     * Reads the pages of a mapped matrix into memory now, where the caller can afford it (the hull's preparation runs
     * in the background): Lucene maps its vector file for random access, without read-ahead, so the first scan would
     * otherwise take a page fault per 4 KB page, 26,000 for the default corpus. Nothing to do on the heap.
     */
    public void preload() {
        if (data.isMapped()) {
            data.load();
        }
    }

    /** Whether the values are a float array on the heap rather than memory outside it (a mapped file). */
    public boolean onHeap() {
        return array != null;
    }

    /** {@code values} in float precision, the precision rows are stored (and searched) in. */
    public static float[] toFloat(double[] values) {
        float[] floats = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            floats[i] = (float) values[i];
        }
        return floats;
    }

    /** Copies {@code rows}, which must all have the same length. */
    public static FloatMatrix of(float[][] rows) {
        int cols = rows.length == 0 ? 0 : rows[0].length;
        float[] data = new float[rows.length * cols];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != cols) {
                throw new IllegalArgumentException(
                        "Row " + i + " has " + rows[i].length + " values, row 0 has " + cols);
            }
            System.arraycopy(rows[i], 0, data, i * cols, cols);
        }
        return new FloatMatrix(rows.length, cols, data);
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    public float get(int i, int j) {
        return data.getAtIndex(FLOAT, (long) i * stride + j);
    }

    /** A copy of row {@code i}. */
    public float[] row(int i) {
        float[] row = new float[cols];
        MemorySegment.copy(data, FLOAT, offset(i), row, 0, cols);
        return row;
    }

    /** The byte offset of row {@code i}. */
    private long offset(int i) {
        return (long) i * stride * Float.BYTES;
    }

    /**
     * The dot product of row {@code i} with the first {@code cols()} entries of {@code v}, summed as
     * {@link #dot(float[], int, int, double[])} sums.
     */
    public double dotRow(int i, double[] v) {
        // a heap matrix is read in place: the PCA projection calls this once per row and component
        return array != null ? dot(array, i * stride, cols, v) : dot(row(i), 0, cols, v);
    }

    /**
     * The dot product of {@code values[from, from + length)} with the first {@code length} entries of {@code v}: every
     * product of a row with a vector is summed here, so a vector read from elsewhere scores exactly as a row does. This
     * is the inner loop of Frank-Wolfe's oracle: four independent accumulators let the CPU overlap the additions,
     * which a single accumulator serialises (double addition is not reassociated by the JIT).
     */
    public static double dot(float[] values, int from, int length, double[] v) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int j = 0;
        for (int end = length - 3; j < end; j += 4) {
            s0 += values[from + j] * v[j];
            s1 += values[from + j + 1] * v[j + 1];
            s2 += values[from + j + 2] * v[j + 2];
            s3 += values[from + j + 3] * v[j + 3];
        }
        for (; j < length; j++) {
            s0 += values[from + j] * v[j];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /**
     * Writes {@code this * v} into {@code out} (length {@code rows()}): Frank-Wolfe's full pass, run dozens of times
     * per query, so it walks the blocks of {@link #scan} itself rather than through a visitor, whose one call site
     * every scan shares (the JIT cannot inline it there).
     */
    public void multiply(double[] v, double[] out) {
        int blockRows = blockRows();
        float[] block = new float[blockRows * stride];
        for (int first = 0; first < rows; first += blockRows) {
            int count = Math.min(blockRows, rows - first);
            float[] values = rows(first, count, block);
            int from = values == block ? 0 : first * stride;
            for (int r = 0; r < count; r++) {
                out[first + r] = dot(values, from + r * stride, cols, v);
            }
        }
    }

    /** The squared Euclidean distance between rows {@code i} and {@code k}, in double, without cancellation. */
    public double squaredRowDistance(int i, int k) {
        float[] a = row(i);
        float[] b = row(k);
        double sum = 0;
        for (int j = 0; j < cols; j++) {
            double diff = (double) a[j] - b[j];
            sum += diff * diff;
        }
        return sum;
    }

    /** The squared Euclidean distance between row {@code i} and {@code point}, in double. */
    public double squaredDistance(int i, double[] point) {
        return squaredDistance(row(i), 0, point);
    }

    private double squaredDistance(float[] values, int from, double[] point) {
        double sum = 0;
        for (int j = 0; j < cols; j++) {
            double diff = values[from + j] - point[j];
            sum += diff * diff;
        }
        return sum;
    }

    /** {@code target += scale * row(i)}, in double. */
    public void addScaledRow(int i, double scale, double[] target) {
        float[] values = row(i);
        for (int j = 0; j < cols; j++) {
            target[j] += scale * values[j];
        }
    }

    /** The mean of every column, in double. */
    public double[] columnMeans() {
        double[] mean = new double[cols];
        scan((i, values, from) -> {
            for (int j = 0; j < cols; j++) {
                mean[j] += values[from + j];
            }
        });
        for (int j = 0; j < cols; j++) {
            mean[j] /= Math.max(rows, 1);
        }
        return mean;
    }

    /**
     * The root-mean-square distance of the rows from their mean: the spread of the data, the scale against which
     * the hull code states its tolerances. Two passes (mean first) avoid the cancellation of E[x^2] - E[x]^2.
     */
    public double spread() {
        double[] mean = columnMeans();
        double[] sum = new double[1];
        scan((i, values, from) -> sum[0] += squaredDistance(values, from, mean));
        return Math.sqrt(sum[0] / Math.max(rows, 1));
    }

    /**
     * The indices of the {@code k} rows nearest to {@code point} (all rows when there are fewer), nearest first. A
     * heap of the k best so far rejects most rows with one comparison, where sorting all N distances cost 5-8 ms at
     * 69,000 rows.
     */
    public int[] nearestRows(double[] point, int k) {
        int n = Math.min(k, rows);
        if (n <= 0) {
            return new int[0];
        }
        double[] distances = new double[rows];
        PriorityQueue<Integer> nearest = new PriorityQueue<>(n + 1,
                (a, b) -> Double.compare(distances[b], distances[a]));
        scan((i, values, from) -> {
            distances[i] = squaredDistance(values, from, point);
            if (nearest.size() < n || distances[i] < distances[nearest.peek()]) {
                nearest.add(i);
                if (nearest.size() > n) {
                    nearest.poll();
                }
            }
        });
        return nearest.stream().sorted(Comparator.comparingDouble(i -> distances[i])).mapToInt(Integer::intValue)
                .toArray();
    }

    /**
     * Hands every row, in order, to {@code visitor} as floats of an array. The rows are copied a block at a time into
     * a buffer small enough to stay in the CPU's first-level cache, so the loops over values are array loops, which the
     * JIT compiles early: a memory-segment access per value made the first scan of a mapped corpus in a fresh JVM 5-7
     * times slower than over an array (1.0-1.5 s against 0.15-0.3 s for the default corpus at load 20), and as fast
     * once compiled (docs/benchmarks.md, Memory).
     */
    private void scan(RowVisitor visitor) {
        int blockRows = blockRows();
        float[] block = new float[blockRows * stride];
        for (int first = 0; first < rows; first += blockRows) {
            int count = Math.min(blockRows, rows - first);
            float[] values = rows(first, count, block);
            int from = values == block ? 0 : first * stride;
            for (int r = 0; r < count; r++) {
                visitor.row(first + r, values, from + r * stride);
            }
        }
    }

    private int blockRows() {
        return Math.max(1, Math.min(rows, BLOCK_FLOATS / Math.max(stride, 1)));
    }

    /**
     * Rows {@code [first, first + count)}: this matrix's own array when it has one (row r then starts at
     * {@code (first + r) * stride}), else {@code block} filled from the mapped file (row r at {@code r * stride}).
     */
    private float[] rows(int first, int count, float[] block) {
        if (array != null) {
            return array;
        }
        MemorySegment.copy(data, FLOAT, offset(first), block, 0, (count - 1) * stride + cols);
        return block;
    }

    /** One row of a {@link #scan}: row {@code i} is {@code values[from, from + cols())}. */
    private interface RowVisitor {
        void row(int i, float[] values, int from);
    }

    /** The rows at {@code indices}, in that order, as a new matrix. */
    public FloatMatrix selectRows(int[] indices) {
        float[] selected = new float[indices.length * cols];
        for (int r = 0; r < indices.length; r++) {
            MemorySegment.copy(data, FLOAT, offset(indices[r]), selected, r * cols, cols);
        }
        return new FloatMatrix(indices.length, cols, selected);
    }

    /**
     * The first {@code d} columns: a corpus projected on its leading {@code d} components. A view that shares this
     * matrix's block, so taking it costs nothing, and a pass over it reads only the first d values of each row.
     */
    public FloatMatrix leadingColumns(int d) {
        if (d < 0 || d > cols) {
            throw new IllegalArgumentException("Cannot take " + d + " of " + cols + " columns");
        }
        return d == cols ? this : new FloatMatrix(rows, d, stride, data, array);
    }
}
