package io.noveltylens.core.hull;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.noveltylens.core.math.FloatMatrix;

/**
 * The corpus rows a solver holds with their vectors, in the order they arrived: Frank-Wolfe's working set, a subset
 * LP's columns. Solvers address them by position and report corpus rows. Rows are only added, each at most once.
 */
public final class FetchedRows {

    private final Map<Integer, Integer> positions = new HashMap<>();
    private final List<Integer> rows = new ArrayList<>();
    /** One 1 x D matrix per row, so the dot products are {@link FloatMatrix}'s. */
    private final List<FloatMatrix> vectors = new ArrayList<>();

    public int size() {
        return rows.size();
    }

    public boolean contains(int row) {
        return positions.containsKey(row);
    }

    /** The corpus row at {@code position}. */
    public int row(int position) {
        return rows.get(position);
    }

    /** Adds {@code row} unless held already; returns whether it was added. */
    boolean add(int row, float[] vector) {
        if (positions.putIfAbsent(row, rows.size()) != null) {
            return false;
        }
        rows.add(row);
        vectors.add(new FloatMatrix(1, vector.length, vector));
        return true;
    }

    /** Fetches {@code newRows}' vectors from {@code oracle} and adds those not held yet. */
    void addFrom(LinearOracle oracle, int[] newRows) {
        float[][] fetched = oracle.vectors(newRows);
        for (int i = 0; i < newRows.length; i++) {
            add(newRows[i], fetched[i]);
        }
    }

    /** The vector at {@code position}, as a one-row matrix. */
    FloatMatrix vector(int position) {
        return vectors.get(position);
    }

    /** {@code <x, v>} for the row at {@code position}. */
    double dot(int position, double[] v) {
        return vectors.get(position).dotRow(0, v);
    }

    /** The largest {@code <x, v>} over the rows held, -infinity when none is. */
    double maxDot(double[] v) {
        double max = Double.NEGATIVE_INFINITY;
        for (FloatMatrix vector : vectors) {
            max = Math.max(max, vector.dotRow(0, v));
        }
        return max;
    }

    /** The rows held, in order, as one matrix (a copy): the columns of a subset LP. */
    FloatMatrix matrix() {
        float[][] copy = new float[vectors.size()][];
        for (int p = 0; p < copy.length; p++) {
            copy[p] = vectors.get(p).row(0);
        }
        return FloatMatrix.of(copy);
    }
}
