package io.noveltylens.core.hull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The sparse convex combination Frank-Wolfe maintains: the working-set positions with positive weight, each found in
 * O(1). Pairwise steps move weight between two positions, so a row enters or leaves with no search.
 */
final class ActiveSet {

    private int[] slotOf = new int[0];
    private int[] members = new int[16];
    private double[] weights = new double[16];
    private int size;

    int size() {
        return size;
    }

    int member(int slot) {
        return members[slot];
    }

    double weightOf(int position) {
        int slot = position < slotOf.length ? slotOf[position] : -1;
        return slot < 0 ? 0 : weights[slot];
    }

    /** Moves {@code amount} of weight from {@code from} to {@code to}; {@code from} leaves when emptied. */
    void move(int from, int to, double amount) {
        add(to, amount);
        int slot = slotOf[from];
        double left = weights[slot] - amount;
        if (left <= 0) {
            remove(slot);
        } else {
            weights[slot] = left;
        }
    }

    void add(int position, double amount) {
        if (position >= slotOf.length) {
            int old = slotOf.length;
            slotOf = Arrays.copyOf(slotOf, Math.max(position + 1, 2 * old));
            Arrays.fill(slotOf, old, slotOf.length, -1);
        }
        int slot = slotOf[position];
        if (slot < 0) {
            if (size == members.length) {
                members = Arrays.copyOf(members, 2 * size);
                weights = Arrays.copyOf(weights, 2 * size);
            }
            slot = size++;
            slotOf[position] = slot;
            members[slot] = position;
            weights[slot] = 0;
        }
        weights[slot] += amount;
    }

    private void remove(int slot) {
        int last = --size;
        slotOf[members[slot]] = -1;
        if (slot != last) {
            members[slot] = members[last];
            weights[slot] = weights[last];
            slotOf[members[slot]] = slot;
        }
    }

    /** Writes the hull point {@code sum w_i x_i / sum w_i} into {@code point}, from scratch so no rounding drift remains. */
    void pointInto(FetchedRows rows, double[] point) {
        Arrays.fill(point, 0);
        double total = total();
        for (int s = 0; s < size; s++) {
            rows.vector(members[s]).addScaledRow(0, weights[s] / total, point);
        }
    }

    /** The members as corpus rows with their normalised weights, heaviest first. */
    List<HullVertex> vertices(FetchedRows rows) {
        double total = total();
        List<HullVertex> vertices = new ArrayList<>(size);
        for (int s = 0; s < size; s++) {
            vertices.add(new HullVertex(rows.row(members[s]), weights[s] / total));
        }
        vertices.sort(Comparator.comparingDouble(HullVertex::weight).reversed());
        return vertices;
    }

    private double total() {
        double total = 0;
        for (int s = 0; s < size; s++) {
            total += weights[s];
        }
        return total;
    }
}
