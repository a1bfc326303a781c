package io.noveltylens.core.hull;

/**
 * The one question every full pass of the hull solvers asks of a corpus x_1..x_N: which rows maximise
 * {@code <x_i, w>}, and by how much? Frank-Wolfe's linear step, its certified lower bound and the subset LPs'
 * separation check are all this maximisation, so a corpus that can answer it (by scanning rows in memory, or by a
 * maximum-inner-product search in a remote index) can serve the hull readouts without the solvers holding it.
 * <p>
 * An exact oracle finds the true maximum and marks its answers certified; one backed by an approximate search (HNSW)
 * may miss it and must mark them not certified. The solvers' upper bounds stay true either way (they are distances to
 * explicit convex combinations of rows the oracle returned); only lower bounds and "outside" verdicts rest on the
 * maximum, and they carry the flag on.
 */
public interface LinearOracle {

    /** N, the number of rows. */
    int rows();

    /** The number of coordinates of a row. */
    int dimension();

    /** The root-mean-square distance of the rows from their mean: the scale of {@link HullTolerance}. */
    double spread();

    /** The vectors of {@code rows}, in that order. */
    float[][] vectors(int[] rows);

    /**
     * Up to {@code count} rows near {@code point}, nearest first: where a search starts. Any rows are correct starts;
     * near ones make the search short. An exact oracle returns the Euclidean nearest.
     */
    int[] nearestRows(double[] point, int count);

    /**
     * Up to {@code count} rows with the largest {@code <x_i, direction>} among those {@code held} does not contain,
     * with their vectors. The caller holds the vectors of {@code held} and evaluates those rows itself, so the maximum
     * over all rows is the larger of the two.
     */
    Maximisers maximise(double[] direction, int count, FetchedRows held);
}
