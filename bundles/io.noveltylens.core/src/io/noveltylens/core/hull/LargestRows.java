package io.noveltylens.core.hull;

import java.util.PriorityQueue;
import java.util.function.IntPredicate;

/**
 * The rows with the largest values of a full pass over the corpus, among those a caller accepts: the answer of
 * {@link ExactLinearOracle}, from which {@link HullDistance} grows its working set and {@link SubsetLpMembership} its
 * subset. A heap of the k best so far rejects most rows with one comparison.
 */
final class LargestRows {

    private LargestRows() {
    }

    /** Up to {@code k} rows i with {@code eligible.test(i)} and the largest {@code values[i]}, in no order. */
    static int[] of(double[] values, int k, IntPredicate eligible) {
        PriorityQueue<Integer> largest = new PriorityQueue<>(k + 1, (a, b) -> Double.compare(values[a], values[b]));
        for (int row = 0; row < values.length; row++) {
            if ((largest.size() < k || values[row] > values[largest.peek()]) && eligible.test(row)) {
                largest.add(row);
                if (largest.size() > k) {
                    largest.poll();
                }
            }
        }
        return largest.stream().mapToInt(Integer::intValue).toArray();
    }
}
