package io.noveltylens.core.hull;

import java.util.Arrays;

import io.noveltylens.core.math.FloatMatrix;

/**
 * The corpus rows {@link HullDistance}'s linear oracle searches between full passes: the start row, then after each
 * full pass the rows that point furthest along the gap. Rows are only added, each at most once.
 */
final class WorkingSet {

    private final boolean[] member;
    private final int growth;
    private int[] rows = new int[16];
    private int size;

    /**
     * @param corpusRows the number of rows in the corpus
     * @param growth     how many rows {@link #addLargest} adds at most
     */
    WorkingSet(int corpusRows, int growth) {
        this.member = new boolean[corpusRows];
        this.growth = growth;
    }

    void add(int row) {
        if (!member[row]) {
            member[row] = true;
            if (size == rows.length) {
                rows = Arrays.copyOf(rows, 2 * size);
            }
            rows[size++] = row;
        }
    }

    /** Writes {@code <gap, x_i>} into {@code dots} for the members and returns the member with the largest. */
    int oracle(FloatMatrix corpus, double[] gap, double[] dots) {
        int best = rows[0];
        for (int p = 0; p < size; p++) {
            int row = rows[p];
            dots[row] = corpus.dotRow(row, gap);
            if (dots[row] > dots[best]) {
                best = row;
            }
        }
        return best;
    }

    /** Adds the non-members with the largest {@code dots} (a full pass's values), up to the growth per pass. */
    void addLargest(double[] dots) {
        for (int row : LargestRows.of(dots, growth, row -> !member[row])) {
            add(row);
        }
    }
}
