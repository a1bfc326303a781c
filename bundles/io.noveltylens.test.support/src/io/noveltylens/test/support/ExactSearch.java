package io.noveltylens.test.support;

import java.util.Arrays;

/**
 * Brute force, the oracle of the recall and neighbour tests: every vector scored by its exact dot product with the
 * query (the cosine, for unit vectors), summed in double, and fully sorted.
 */
public final class ExactSearch {

    private ExactSearch() {
    }

    /** The indices of the {@code k} rows of {@code vectors} nearest {@code query} by dot product, best first. */
    public static int[] topK(float[][] vectors, float[] query, int k) {
        double[] scores = new double[vectors.length];
        for (int i = 0; i < vectors.length; i++) {
            scores[i] = Vectors.dot(vectors[i], query);
        }
        return topK(scores, k);
    }

    /** The indices of the {@code k} largest {@code scores} (all if there are fewer), largest first, ties by index. */
    public static int[] topK(double[] scores, int k) {
        Integer[] order = new Integer[scores.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> Double.compare(scores[b], scores[a]));
        return Arrays.stream(order).limit(k).mapToInt(Integer::intValue).toArray();
    }
}
