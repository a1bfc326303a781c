package io.noveltylens.core.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.FloatDocValuesField;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.Test;

import io.noveltylens.core.NoveltyException;
import io.noveltylens.core.Progress;
import io.noveltylens.core.analysis.RealCorpusEngine;
import io.noveltylens.core.embed.Embedding;
import io.noveltylens.core.embed.FixtureTexts;
import io.noveltylens.core.embed.OnnxEmbedder;
import io.noveltylens.core.embed.TestModels;
import io.noveltylens.core.math.FloatMatrix;
import io.noveltylens.test.support.ExactSearch;

/**
 * Recall@10 of {@link VectorSearch} against brute force over the same vectors, where its
 * {@link HnswCandidates#MIN} are a small part of the corpus, so that the graph search and the candidate count
 * decide what is found (on the 1,880 or so passages of the shared real-text index they are almost half of it). The
 * corpus is the real embeddings of that index (HNSW recall on random vectors means nothing, docs/design.md section 4) and
 * {@link #COPIES} noisy copies of each, like paraphrases (cosine about 0.86 with their original): about 11,300
 * vectors, of which 800 candidates are 7 %. The queries are 200 real passages not in the corpus. As a check that the corpus
 * is hard enough to tell, the same search with {@link #FEW_CANDIDATES} candidates (the count before
 * {@link HnswCandidates#MIN} was raised) must miss the floor.
 * <p>
 * This is not the recall on the default corpus (69k passages): HnswCandidates' class comment gives that measurement.
 */
class HnswRecallTest {

    private static final int K = 10;
    private static final int COPIES = 5;
    /** Noise of norm about 0.6 on a unit vector: cosine 1 / sqrt(1 + 0.36), about 0.86, with the original. */
    private static final double NOISE = 0.6;
    private static final double RECALL_FLOOR = 0.98;
    private static final int FEW_CANDIDATES = 100;

    @Test
    void recallAtTenIsAtLeast098WhereTheCandidatesAreASmallPartOfTheCorpus() throws Exception {
        RealCorpusEngine.get(); // builds the shared real-text index
        OnnxEmbedder embedder = TestModels.embedder(TestModels.FP32);
        int dim = embedder.model().dimension();
        FloatMatrix corpus;
        try (LuceneCorpusIndex real = LuceneCorpusIndex.open(Path.of("target", "real-corpus", "index"),
                embedder.fingerprint(), dim)) {
            corpus = withNoisyCopies(real, dim, new Random(71));
        }
        assertTrue(HnswCandidates.MIN < corpus.rows() / 10, "800 candidates must be a small part of the corpus");
        List<String> queries = new ArrayList<>(FixtureTexts.lines("sherlock-200", 100));
        queries.addAll(FixtureTexts.lines("sotu-1000", 100));
        List<Embedding> embeddings = embedder.embedPassages(queries, Progress.NONE);

        double found = 0;
        double foundWithFewCandidates = 0;
        try (Directory directory = new ByteBuffersDirectory()) {
            // one flush, one segment: document id = row, as IndexBuilder writes it
            try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig().setRAMBufferSizeMB(2048))) {
                for (int i = 0; i < corpus.rows(); i++) {
                    Document document = new Document();
                    document.add(new KnnFloatVectorField(LuceneSchema.VECTOR, corpus.row(i),
                            VectorSimilarityFunction.DOT_PRODUCT));
                    document.add(new FloatDocValuesField(LuceneSchema.NORM, 1)); // the rows are unit vectors
                    writer.addDocument(document);
                }
                writer.forceMerge(1);
            }
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                // re-scored from the index's vector file, as an opened index does until the hull loads the matrix
                VectorSearch search = new VectorSearch(searcher,
                        StoredVectors.of(reader.leaves().get(0).reader(), dim));
                for (Embedding embedding : embeddings) {
                    double[] query = toDouble(embedding.unit());
                    double[] cosines = new double[corpus.rows()];
                    corpus.multiply(query, cosines);
                    int[] exact = ExactSearch.topK(cosines, K);
                    VectorSearch.Hits hits = search.nearest(embedding.unit(), K, -1);
                    assertEquals(K, hits.docs().length);
                    for (int i = 0; i < K; i++) {
                        assertEquals(cosines[hits.docs()[i]], hits.cosines()[i], 1e-12, "re-scored exactly");
                        assertTrue(i == 0 || hits.cosines()[i] <= hits.cosines()[i - 1], "sorted by cosine");
                    }
                    found += overlap(exact, hits.docs());
                    ScoreDoc[] few = searcher.search(
                            new KnnFloatVectorQuery(LuceneSchema.VECTOR, embedding.unit(), FEW_CANDIDATES),
                            K).scoreDocs;
                    foundWithFewCandidates += overlap(exact, Arrays.stream(few).mapToInt(hit -> hit.doc).toArray());
                }
            }
        }
        double recall = found / (K * embeddings.size());
        double recallWithFewCandidates = foundWithFewCandidates / (K * embeddings.size());
        System.out.printf("Recall@10 over %d real queries, %d vectors: %.4f with %d candidates, %.4f with %d%n",
                embeddings.size(), corpus.rows(), recall, HnswCandidates.MIN, recallWithFewCandidates,
                FEW_CANDIDATES);
        assertTrue(recallWithFewCandidates < RECALL_FLOOR, "with " + FEW_CANDIDATES + " candidates recall is "
                + recallWithFewCandidates + ": the corpus is too easy to tell the candidate counts apart");
        assertTrue(recall >= RECALL_FLOOR, "recall@10 " + recall);
    }

    /** The index's unit vectors, each followed by {@link #COPIES} copies plus Gaussian noise of norm about NOISE. */
    private static FloatMatrix withNoisyCopies(LuceneCorpusIndex real, int dim, Random random)
            throws NoveltyException {
        int n = real.metadata().passages();
        float[] data = new float[n * (COPIES + 1) * dim];
        double[] copy = new double[dim];
        for (int i = 0; i < n; i++) {
            float[] unit = real.vector(i);
            int at = i * (COPIES + 1) * dim;
            System.arraycopy(unit, 0, data, at, dim);
            for (int c = 1; c <= COPIES; c++) {
                double norm = 0;
                for (int d = 0; d < dim; d++) {
                    copy[d] = unit[d] + NOISE * random.nextGaussian() / Math.sqrt(dim);
                    norm += copy[d] * copy[d];
                }
                norm = Math.sqrt(norm);
                for (int d = 0; d < dim; d++) {
                    data[at + c * dim + d] = (float) (copy[d] / norm);
                }
            }
        }
        return new FloatMatrix(n * (COPIES + 1), dim, data);
    }

    private static int overlap(int[] exact, int[] found) {
        return (int) Arrays.stream(found).filter(row -> Arrays.stream(exact).anyMatch(e -> e == row)).count();
    }

    private static double[] toDouble(float[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }
}
