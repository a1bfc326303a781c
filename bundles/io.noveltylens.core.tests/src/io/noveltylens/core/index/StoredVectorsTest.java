package io.noveltylens.core.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.MMapDirectory;
import org.apache.lucene.store.NIOFSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.noveltylens.core.Progress;
import io.noveltylens.core.embed.Embedding;
import io.noveltylens.core.hull.ExactLinearOracle;
import io.noveltylens.core.math.FloatMatrix;
import io.noveltylens.test.support.ExactSearch;

/**
 * An opened index reads its unit vectors in place from Lucene's memory-mapped vector file, or through Lucene's API
 * until the hull loads them as one matrix where the file is not mapped: its neighbours must be the exact top k (brute
 * force over the model's own vectors, the oracle) and must not change, to the last bit, once the matrix is loaded;
 * the mapped matrix must hold, bit for bit, what Lucene's own reader returns, without a copy on the heap.
 */
class StoredVectorsTest {

    private static final int PASSAGES = 300;
    private static final int K = 10;

    @TempDir
    Path dir;

    private final HashingEmbedder model = new HashingEmbedder("m1");

    /** Builds the index of {@link #PASSAGES} passages under {@code dir/index}; returns their texts. */
    private List<String> buildIndex() throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < PASSAGES; i++) {
            lines.add("passage " + i + " about word" + (i % 13) + " and thing" + (i % 17) + " and item" + (i % 29));
        }
        Files.write(Files.createDirectories(dir.resolve("corpus")).resolve("a.txt"), lines);
        new IndexBuilder(model, IndexSettings.defaults()).build(List.of(dir.resolve("corpus")), dir.resolve("index"),
                Progress.NONE);
        return lines;
    }

    @Test
    void neighboursAreExactAndTheSameBeforeAndAfterTheVectorsAreLoadedIntoMemory() throws Exception {
        List<String> lines = buildIndex();
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

    @Test
    void theMappedUnitMatrixHoldsWhatLuceneReadsWithoutAHeapCopy() throws Exception {
        buildIndex();
        Path generation = new IndexLayout(dir.resolve("index")).currentGeneration().orElseThrow();
        try (Directory mappedFiles = new MMapDirectory(generation);
                DirectoryReader mapped = DirectoryReader.open(mappedFiles);
                Directory readFiles = new NIOFSDirectory(generation);
                DirectoryReader read = DirectoryReader.open(readFiles)) {
            FloatMatrix inPlace = StoredVectors.of(mapped.leaves().get(0).reader(), HashingEmbedder.DIMENSION).units();
            StoredVectors throughLucene = StoredVectors.of(read.leaves().get(0).reader(), HashingEmbedder.DIMENSION);
            LeafReader segment = read.leaves().get(0).reader();
            FloatVectorValues lucene = segment.getFloatVectorValues(LuceneSchema.VECTOR);

            assertFalse(inPlace.onHeap(), "the unit vectors of a mapped index must not be copied to the heap");
            assertEquals(PASSAGES, inPlace.rows());
            double[] query = new double[HashingEmbedder.DIMENSION];
            for (int j = 0; j < query.length; j++) {
                query[j] = Math.sin(j + 1);
            }
            int[] all = new int[PASSAGES];
            double[] fromLucene = new double[PASSAGES];
            for (int i = 0; i < PASSAGES; i++) {
                assertArrayEquals(lucene.vectorValue(i), inPlace.row(i), "ordinal " + i);
                all[i] = i;
            }
            throughLucene.dots(all, PASSAGES, query, fromLucene);
            for (int i = 0; i < PASSAGES; i++) {
                assertEquals(fromLucene[i], inPlace.dotRow(i, query), 0.0, "ordinal " + i);
            }
            assertTrue(throughLucene.units().onHeap(), "an index that is not mapped copies its vectors once");
        }
    }

    @Test
    void theHullReadsTheIndexFilesInPlaceUntilTheIndexIsClosed() throws Exception {
        buildIndex();
        Path generation = new IndexLayout(dir.resolve("index")).currentGeneration().orElseThrow();
        FloatMatrix units;
        FloatMatrix projected;
        try (LuceneCorpusIndex index = LuceneCorpusIndex.open(dir.resolve("index"), model.fingerprint(),
                HashingEmbedder.DIMENSION)) {
            units = ((ExactLinearOracle) index.hullData().vectors()).matrix();
            projected = ((ExactLinearOracle) index.hullData().projected()).matrix();
            assertFalse(units.onHeap());
            assertFalse(projected.onHeap());
            FloatMatrix projectedFile = MatrixFile.read(generation.resolve(CorpusFiles.PROJECTED));
            assertEquals(projectedFile.rows(), projected.rows());
            assertEquals(projectedFile.cols(), projected.cols());
            for (int i = 0; i < projected.rows(); i++) {
                assertArrayEquals(projectedFile.row(i), projected.row(i), "row " + i);
                assertArrayEquals(index.vector(i), units.row(i), "row " + i);
            }
        }
        // a late reader fails cleanly instead of reading unmapped memory
        assertThrows(IllegalStateException.class, () -> projected.row(0));
        assertThrows(IllegalStateException.class, () -> units.row(0));
    }
}
