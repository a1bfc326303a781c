package io.noveltylens.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.noveltylens.core.NoveltyException;
import io.noveltylens.core.index.CorpusIndex;
import io.noveltylens.core.index.Neighbour;
import io.noveltylens.core.math.FloatMatrix;

/**
 * Top-10 queries through the product's {@link CorpusIndex#nearest} (HNSW candidates, exact re-scoring, stored
 * passages read) against exact brute force over the same unit vectors (one dot product per passage), each query timed
 * both ways back to back. Recall@10 is the share of the exact top 10 that the index returns.
 */
final class QueryBench {

    static final int K = 10;

    /** Latencies in milliseconds and the mean recall@10. */
    record Figures(Samples indexMillis, Samples exactMillis, double recall) {
    }

    private QueryBench() {
    }

    static Figures measure(CorpusIndex index, List<float[]> queries, int rounds) throws NoveltyException {
        FloatMatrix units = units(index);
        for (float[] query : queries) {
            index.nearest(query, K);
            exactTop(units, query);
        }
        List<Double> indexMillis = new ArrayList<>();
        List<Double> exactMillis = new ArrayList<>();
        double recall = 0;
        for (int round = 0; round < rounds; round++) {
            for (float[] query : queries) {
                long start = System.nanoTime();
                List<Neighbour> found = index.nearest(query, K);
                long middle = System.nanoTime();
                int[] exact = exactTop(units, query);
                long end = System.nanoTime();
                indexMillis.add((middle - start) / 1e6);
                exactMillis.add((end - middle) / 1e6);
                if (round == 0) {
                    recall += overlap(found, exact) / (double) K;
                }
            }
        }
        return new Figures(Samples.of(indexMillis), Samples.of(exactMillis), recall / queries.size());
    }

    private static FloatMatrix units(CorpusIndex index) throws NoveltyException {
        int n = index.metadata().passages();
        int dimension = index.metadata().dimension();
        float[] data = new float[n * dimension];
        for (int i = 0; i < n; i++) {
            System.arraycopy(index.vector(i), 0, data, i * dimension, dimension);
        }
        return new FloatMatrix(n, dimension, data);
    }

    /** The exact top K by dot product: one pass over the corpus, then a partial selection. */
    static int[] exactTop(FloatMatrix units, float[] query) {
        double[] q = new double[query.length];
        for (int j = 0; j < q.length; j++) {
            q[j] = query[j];
        }
        double[] scores = new double[units.rows()];
        units.multiply(q, scores);
        int[] best = new int[K];
        double[] bestScores = new double[K];
        Arrays.fill(bestScores, Double.NEGATIVE_INFINITY);
        for (int i = 0; i < scores.length; i++) {
            if (scores[i] > bestScores[K - 1]) {
                int at = K - 1;
                while (at > 0 && bestScores[at - 1] < scores[i]) {
                    bestScores[at] = bestScores[at - 1];
                    best[at] = best[at - 1];
                    at--;
                }
                bestScores[at] = scores[i];
                best[at] = i;
            }
        }
        return best;
    }

    private static int overlap(List<Neighbour> found, int[] exact) {
        Set<Integer> truth = new HashSet<>();
        for (int i : exact) {
            truth.add(i);
        }
        int hits = 0;
        for (Neighbour neighbour : found) {
            if (truth.contains(neighbour.ordinal())) {
                hits++;
            }
        }
        return hits;
    }
}
