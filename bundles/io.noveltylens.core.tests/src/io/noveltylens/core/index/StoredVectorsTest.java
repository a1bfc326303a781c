package io.noveltylens.core.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.noveltylens.core.Progress;
import io.noveltylens.core.embed.Embedding;
import io.noveltylens.test.support.ExactSearch;

/**
 * An opened index reads its unit vectors from Lucene's vector file until the hull loads them as one matrix: its
 * neighbours must be the exact top k (brute force over the model's own vectors, the oracle) and must not change, to
 * the last bit, once the matrix is loaded.
 */
class StoredVectorsTest {

    private static final int PASSAGES = 300;
    private static final int K = 10;

    @TempDir
    Path dir;

    @Test
    void neighboursAreExactAndTheSameBeforeAndAfterTheVectorsAreLoadedIntoMemory() throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < PASSAGES; i++) {
            lines.add("passage " + i + " about word" + (i % 13) + " and thing" + (i % 17) + " and item" + (i % 29));
        }
        Files.write(Files.createDirectories(dir.resolve("corpus")).resolve("a.txt"), lines);
        HashingEmbedder model = new HashingEmbedder("m1");
        new IndexBuilder(model, IndexSettings.defaults()).build(List.of(dir.resolve("corpus")), dir.resolve("index"),
                Progress.NONE);
        float[][] units = model.embedPassages(lines, Progress.NONE).stream().map(Embedding::unit)
                .toArray(float[][]::new);
        List<float[]> queries = new ArrayList<>();
        for (int q = 0; q < 20; q++) {
            queries.add(model.embedQuery("query " + q + " about word" + (q % 13) + " and item" + (q * 7 % 29)).unit());
        }

        try (LuceneCorpusIndex index = LuceneCorpusIndex.open(dir.resolve("index"), model.fingerprint(),
                HashingEmbedder.DIMENSION)) {
            List<List<Neighbour>> fromFile = new ArrayList<>();
            for (float[] query : queries) {
                List<Neighbour> found = index.nearest(query, K);
                int[] exact = ExactSearch.topK(units, query, K);
                for (int i = 0; i < K; i++) {
                    assertEquals(cosine(units[exact[i]], query), found.get(i).cosine(), 1e-6, "rank " + (i + 1));
                    assertEquals(cosine(units[lines.indexOf(found.get(i).text())], query), found.get(i).cosine(),
                            1e-6, "the cosine of the passage named");
                }
                fromFile.add(found);
            }
            float[] vectorFromFile = index.vector(PASSAGES / 2);

            index.hullData(); // loads the unit vectors into one matrix
            for (int q = 0; q < queries.size(); q++) {
                assertEquals(fromFile.get(q), index.nearest(queries.get(q), K));
            }
            assertArrayEquals(vectorFromFile, index.vector(PASSAGES / 2));
        }
    }

    private static double cosine(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (double) a[i] * b[i];
        }
        return sum;
    }
}
