package io.noveltylens.core.hull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import io.noveltylens.core.math.FloatMatrix;

/**
 * The sparse convex combination Frank-Wolfe maintains: the rows with positive weight, each found in O(1). Pairwise
 * steps move weight between two rows, so a row enters or leaves with no search and no allocation.
 */
final class ActiveSet {

    private final int[] positionOf;
    private final int[] members;
    private final double[] weights;
    private int size;

    ActiveSet(int rows) {
        positionOf = new int[rows];
        Arrays.fill(positionOf, -1);
        members = new int[rows];
        weights = new double[rows];
    }

    int size() {
        return size;
    }

    int member(int position) {
        return members[position];
    }

    double weightOf(int row) {
        int position = positionOf[row];
        return position < 0 ? 0 : weights[position];
    }

    /** Moves {@code amount} of weight from row {@code from} to row {@code to}; {@code from} leaves when emptied. */
    void move(int from, int to, double amount) {
        add(to, amount);
        int position = positionOf[from];
        double left = weights[position] - amount;
        if (left <= 0) {
            remove(position);
        } else {
            weights[position] = left;
        }
    }

    void add(int row, double amount) {
        int position = positionOf[row];
        if (position < 0) {
            position = size++;
            positionOf[row] = position;
            members[position] = row;
            weights[position] = 0;
        }
        weights[position] += amount;
    }

    private void remove(int position) {
        int last = --size;
        positionOf[members[position]] = -1;
        if (position != last) {
            members[position] = members[last];
            weights[position] = weights[last];
            positionOf[members[position]] = position;
        }
    }

    /** Writes the hull point {@code sum w_i x_i / sum w_i} into {@code point}, from scratch so no rounding drift remains. */
    void pointInto(FloatMatrix corpus, double[] point) {
        Arrays.fill(point, 0);
        double total = 0;
        for (int p = 0; p < size; p++) {
            total += weights[p];
        }
        for (int p = 0; p < size; p++) {
            corpus.addScaledRow(members[p], weights[p] / total, point);
        }
    }

    /** The members with their normalised weights, heaviest first. */
    List<HullVertex> vertices() {
        double total = 0;
        for (int p = 0; p < size; p++) {
            total += weights[p];
        }
        List<HullVertex> vertices = new ArrayList<>(size);
        for (int p = 0; p < size; p++) {
            vertices.add(new HullVertex(members[p], weights[p] / total));
        }
        vertices.sort(Comparator.comparingDouble(HullVertex::weight).reversed());
        return vertices;
    }
}
