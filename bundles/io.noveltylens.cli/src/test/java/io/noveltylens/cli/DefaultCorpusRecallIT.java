package io.noveltylens.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.noveltylens.core.Progress;
import io.noveltylens.core.embed.Embedding;
import io.noveltylens.core.embed.ModelDescriptor;
import io.noveltylens.core.embed.OnnxEmbedder;
import io.noveltylens.core.index.LuceneCorpusIndex;
import io.noveltylens.core.index.Neighbour;
import io.noveltylens.test.support.ExactSearch;
import io.noveltylens.test.support.TextLines;

/**
 * Recall@10 of the shipped index at its real size (69k passages) against exact brute force over the same stored
 * vectors, for 200 real sentences that are not in the corpus (Conan Doyle and WordNet glosses). At this size too few
 * HNSW candidates lose true neighbours (0.91 at 100 candidates), which a small test index would never show.
 */
class DefaultCorpusRecallIT {

    private static final Path BUNDLES = Path.of("..").toAbsolutePath().normalize();

    @Test
    void recallAtTenOnTheDefaultCorpusIsAtLeast098() throws Exception {
        List<String> queries = new ArrayList<>();
        for (String fixture : List.of("sherlock-200.txt.gz", "wordnet-200.txt.gz")) {
            Path file = BUNDLES.resolve("io.noveltylens.core.tests/fixtures").resolve(fixture);
            queries.addAll(TextLines.read(file).subList(0, 100));
        }
        Path cache = Path.of("target", "recall-cache");
        try (OnnxEmbedder embedder = OnnxEmbedder.open(
                ModelDescriptor.load(BUNDLES.resolve("io.noveltylens.model.minilm/models/all-minilm-l6-v2"), cache),
                cache);
                LuceneCorpusIndex index = LuceneCorpusIndex.open(BUNDLES.resolve("io.noveltylens.corpus.default/index"),
                        embedder.fingerprint(), embedder.model().dimension())) {
            int n = index.metadata().passages();
            float[][] vectors = new float[n][];
            for (int i = 0; i < n; i++) {
                vectors[i] = index.vector(i);
            }
            double found = 0;
            for (Embedding query : embedder.embedPassages(queries, Progress.NONE)) {
                Set<Integer> approximate = new HashSet<>();
                for (Neighbour neighbour : index.nearest(query.unit(), 10)) {
                    approximate.add(neighbour.ordinal());
                }
                for (int exact : ExactSearch.topK(vectors, query.unit(), 10)) {
                    found += approximate.contains(exact) ? 1 : 0;
                }
            }
            double recall = found / (10.0 * queries.size());
            System.out.printf("Default corpus (%,d passages): recall@10 %.4f over %d held-out sentences%n", n, recall,
                    queries.size());
            assertTrue(recall >= 0.98, "recall@10 " + recall);
        }
    }
}
