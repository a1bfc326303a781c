package io.noveltylens.core.analysis;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.noveltylens.core.Progress;
import io.noveltylens.core.embed.Embedding;
import io.noveltylens.core.index.Neighbour;

/**
 * Recall@10 of the index's search against exact brute force over the same stored vectors, on real embeddings of
 * passages not in the corpus (HNSW recall on random vectors means nothing, DESIGN.md 4).
 */
class HnswRecallTest {

    @Test
    void recallAtTenIsAtLeast098AgainstBruteForce() throws Exception {
        RealCorpus corpus = RealCorpus.get();
        List<String> queries = new ArrayList<>(RealCorpus.lines("sherlock-200.txt.gz").subList(0, 100)); //$NON-NLS-1$
        queries.addAll(RealCorpus.lines("sotu-1000.txt.gz").subList(0, 100)); //$NON-NLS-1$
        List<Embedding> embeddings = corpus.embedder.embedPassages(queries, Progress.NONE);
        int n = corpus.index.metadata().passages();
        double found = 0;
        for (Embedding embedding : embeddings) {
            Set<Integer> approximate = new HashSet<>();
            for (Neighbour neighbour : corpus.index.nearest(embedding.unit(), 10)) {
                approximate.add(neighbour.ordinal());
            }
            double[] scores = new double[n];
            for (int i = 0; i < n; i++) {
                float[] vector = corpus.index.vector(i);
                for (int d = 0; d < vector.length; d++) {
                    scores[i] += (double) vector[d] * embedding.unit()[d];
                }
            }
            Integer[] order = new Integer[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            java.util.Arrays.sort(order, (a, b) -> Double.compare(scores[b], scores[a]));
            for (int i = 0; i < 10; i++) {
                found += approximate.contains(order[i]) ? 1 : 0;
            }
        }
        double recall = found / (10.0 * embeddings.size());
        System.out.printf("HNSW recall@10 over %d real queries, %d passages: %.4f%n", embeddings.size(), n, recall); //$NON-NLS-1$
        assertTrue(recall >= 0.98, "recall@10 " + recall); //$NON-NLS-1$
    }
}
