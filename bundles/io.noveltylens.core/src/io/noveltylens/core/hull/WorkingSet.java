package io.noveltylens.core.hull;

import java.util.Arrays;

/**
 * The corpus rows {@link HullDistance}'s linear step searches between full passes, with their vectors: the start row,
 * then after each full pass the rows the oracle found furthest along the gap. Addressed by position.
 */
final class WorkingSet {

    private final FetchedRows rows = new FetchedRows();
    private double[] dots = new double[16];

    /** The rows, for the oracle to skip and for reporting positions as corpus rows. */
    FetchedRows rows() {
        return rows;
    }

    void add(int row, float[] vector) {
        rows.add(row, vector);
    }

    /** Adds what a full pass found that is not held yet. */
    void addAll(Maximisers found) {
        for (int i = 0; i < found.rows().length; i++) {
            rows.add(found.rows()[i], found.vectors()[i]);
        }
    }

    /** Computes {@code <gap, x>} for every member and returns the position of the largest. */
    int oracle(double[] gap) {
        int size = rows.size();
        if (dots.length < size) {
            dots = Arrays.copyOf(dots, Math.max(size, 2 * dots.length));
        }
        int best = 0;
        for (int p = 0; p < size; p++) {
            dots[p] = rows.dot(p, gap);
            if (dots[p] > dots[best]) {
                best = p;
            }
        }
        return best;
    }

    /** {@code <gap, x>} of the member at {@code position}, as the last {@link #oracle} computed it. */
    double dot(int position) {
        return dots[position];
    }
}
