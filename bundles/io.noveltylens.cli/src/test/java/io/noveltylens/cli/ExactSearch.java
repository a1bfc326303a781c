package io.noveltylens.cli;

import java.util.Arrays;

/** The recall tests' oracle: the k nearest vectors by exact dot product over all of them, in double. */
final class ExactSearch {

    private ExactSearch() {
    }

    /** The indices of the {@code k} rows of {@code vectors} with the largest dot product with {@code query}, best first. */
    static int[] topK(float[][] vectors, float[] query, int k) {
        double[] scores = new double[vectors.length];
        for (int i = 0; i < vectors.length; i++) {
            for (int d = 0; d < query.length; d++) {
                scores[i] += (double) vectors[i][d] * query[d];
            }
        }
        Integer[] order = new Integer[vectors.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> Double.compare(scores[b], scores[a]));
        return Arrays.stream(order).limit(k).mapToInt(Integer::intValue).toArray();
    }
}
