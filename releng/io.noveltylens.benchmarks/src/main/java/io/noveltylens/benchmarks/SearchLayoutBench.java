package io.noveltylens.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene102.Lucene102HnswBinaryQuantizedVectorsFormat;
import org.apache.lucene.codecs.lucene103.Lucene103Codec;
import org.apache.lucene.codecs.lucene99.Lucene99HnswScalarQuantizedVectorsFormat;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.MMapDirectory;
import org.apache.lucene.util.VectorUtil;

import io.noveltylens.benchmarks.ResultTable.Status;
import io.noveltylens.core.NoveltyException;
import io.noveltylens.core.index.CorpusIndex;
import io.noveltylens.core.math.FloatMatrix;

/**
 * Which HNSW graph and vector format the local index should use (issue 19). The default corpus's real unit vectors are
 * indexed in a temporary folder with each candidate layout, as one segment as the product's build leaves it, and
 * held-out sentences query every layout at several candidate counts. Candidates are re-scored exactly, as the
 * product's search does, and the top 10 compared with an exact scan: recall@10, and the latency of search plus
 * re-scoring against the exact scan timed in the same loop. The exact scan is measured twice, as the product's
 * double-accumulating {@link FloatMatrix} loop and through Lucene's {@link VectorUtil#dotProduct(float[], float[])},
 * which the Panama Vector API vectorises when {@code jdk.incubator.vector} is present.
 */
final class SearchLayoutBench {

    private static final int K = QueryBench.K;
    private static final String FIELD = "v";
    private static final int[] CANDIDATES = { 40, 100, 200, 400, 800 };
    private static final double TARGET_RECALL = 0.99;
    private static final double TARGET_P50_MILLIS = 1;

    /** A graph and vector format to try; {@code maxConn} and {@code beamWidth} as Lucene names them. */
    private record Layout(String name, KnnVectorsFormat format) {
    }

    private SearchLayoutBench() {
    }

    private static List<Layout> layouts() {
        return List.of(new Layout("float32, M 16, beam 100 (Lucene's default)", new Lucene99HnswVectorsFormat(16, 100)),
                new Layout("float32, M 32, beam 200", new Lucene99HnswVectorsFormat(32, 200)),
                new Layout("int7 scalar-quantised, M 16, beam 100",
                        new Lucene99HnswScalarQuantizedVectorsFormat(16, 100, 1, 7, false, null, null)),
                new Layout("int7 scalar-quantised, M 32, beam 200",
                        new Lucene99HnswScalarQuantizedVectorsFormat(32, 200, 1, 7, false, null, null)),
                new Layout("1-bit optimised scalar quantisation (Lucene102 binary), M 16, beam 100",
                        new Lucene102HnswBinaryQuantizedVectorsFormat(16, 100)));
    }

    static void run(CorpusIndex shipped, List<float[]> queries, int rounds, Path work, ResultTable table)
            throws IOException, NoveltyException {
        int n = shipped.metadata().passages();
        float[][] rows = new float[n][];
        for (int i = 0; i < n; i++) {
            rows[i] = shipped.vector(i);
        }
        FloatMatrix units = FloatMatrix.of(rows);
        List<int[]> exact = new ArrayList<>();
        for (float[] query : queries) {
            exact.add(QueryBench.exactTop(units, query));
        }
        ExactScans scans = ExactScans.time(units, rows, queries, rounds);
        table.add("Query",
                String.format("exact scan of %,d x %d floats, top 10 (ms; %d held-out sentences x %d rounds)",
                        n, units.cols(), queries.size(), rounds),
                String.format("Lucene VectorUtil (Panama when available) p50 %.2f", scans.vectorUtil().median()),
                String.format("scalar double loop p50 %.2f", scans.scalar().median()),
                String.format("%.1fx faster", scans.scalar().median() / scans.vectorUtil().median()), "<= 8 ms",
                Status.of(scans.vectorUtil().median() <= 8));
        for (Layout layout : layouts()) {
            Path dir = work.resolve("search-layout");
            Dirs.delete(dir);
            long start = System.nanoTime();
            try (Directory directory = new MMapDirectory(dir)) {
                build(directory, layout.format(), rows);
                double buildSeconds = (System.nanoTime() - start) / 1e9;
                try (DirectoryReader reader = DirectoryReader.open(directory)) {
                    if (reader.leaves().size() != 1 || reader.maxDoc() != n) {
                        throw new IllegalStateException("expected one segment of " + n + " documents");
                    }
                    IndexSearcher searcher = new IndexSearcher(reader);
                    searcher.setQueryCache(null);
                    for (int candidates : CANDIDATES) {
                        measure(layout, buildSeconds, candidates, searcher, units, rows, queries, exact, rounds,
                                table);
                    }
                }
            } finally {
                Dirs.delete(dir);
            }
        }
    }

    private static void build(Directory directory, KnnVectorsFormat format, float[][] rows) throws IOException {
        IndexWriterConfig config = new IndexWriterConfig().setRAMBufferSizeMB(2048).setCodec(new Lucene103Codec() {
            @Override
            public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
                return format;
            }
        });
        try (IndexWriter writer = new IndexWriter(directory, config)) {
            for (float[] row : rows) {
                Document document = new Document();
                document.add(new KnnFloatVectorField(FIELD, row, VectorSimilarityFunction.DOT_PRODUCT));
                writer.addDocument(document);
            }
            writer.forceMerge(1);
        }
    }

    private static void measure(Layout layout, double buildSeconds, int candidates, IndexSearcher searcher,
            FloatMatrix units, float[][] rows, List<float[]> queries, List<int[]> exact, int rounds,
            ResultTable table) throws IOException {
        for (float[] query : queries) {
            nearest(searcher, units, query, candidates);
        }
        List<Double> millis = new ArrayList<>();
        List<Double> speedups = new ArrayList<>();
        double recall = 0;
        for (int round = 0; round < rounds; round++) {
            for (int q = 0; q < queries.size(); q++) {
                // the search and the exact scan back to back, so that a burst of load hits both sides of the ratio
                long start = System.nanoTime();
                int[] found = nearest(searcher, units, queries.get(q), candidates);
                long middle = System.nanoTime();
                ExactScans.vectorUtilTop(rows, queries.get(q));
                long end = System.nanoTime();
                millis.add((middle - start) / 1e6);
                speedups.add((end - middle) / (double) (middle - start));
                if (round == 0) {
                    recall += overlap(found, exact.get(q)) / (double) K;
                }
            }
        }
        recall /= queries.size();
        Samples latency = Samples.of(millis);
        boolean met = recall >= TARGET_RECALL && latency.median() <= TARGET_P50_MILLIS;
        table.add("Search layout", String.format("%s, built in %.0f s; %d candidates, re-scored exactly", layout.name(),
                buildSeconds, candidates),
                String.format("p50 %.2f ms, p99 %.2f ms, recall@10 %.3f", latency.median(), latency.quantile(0.99),
                        recall),
                "exact scan (VectorUtil), timed after each search",
                String.format("%.1fx faster (median of per-query ratios)", Samples.of(speedups).median()),
                "recall >= 0.99 at p50 <= 1 ms", Status.of(met));
    }

    /** The product's search: HNSW candidates, exact re-scoring in double, the best K. */
    private static int[] nearest(IndexSearcher searcher, FloatMatrix units, float[] query, int candidates)
            throws IOException {
        TopDocs top = searcher.search(new KnnFloatVectorQuery(FIELD, query, candidates), candidates);
        double[] q = new double[query.length];
        for (int j = 0; j < q.length; j++) {
            q[j] = query[j];
        }
        ScoreDoc[] hits = top.scoreDocs;
        Integer[] order = new Integer[hits.length];
        double[] scores = new double[hits.length];
        for (int i = 0; i < hits.length; i++) {
            order[i] = i;
            scores[i] = units.dotRow(hits[i].doc, q);
        }
        Arrays.sort(order, (a, b) -> Double.compare(scores[b], scores[a]));
        int[] best = new int[Math.min(K, hits.length)];
        for (int i = 0; i < best.length; i++) {
            best[i] = hits[order[i]].doc;
        }
        return best;
    }

    private static int overlap(int[] found, int[] exact) {
        Set<Integer> truth = new HashSet<>();
        for (int i : exact) {
            truth.add(i);
        }
        int hits = 0;
        for (int i : found) {
            if (truth.contains(i)) {
                hits++;
            }
        }
        return hits;
    }

    /** The exact top 10 by both scans, each query timed both ways back to back. */
    private record ExactScans(Samples scalar, Samples vectorUtil) {

        static ExactScans time(FloatMatrix units, float[][] rows, List<float[]> queries, int rounds) {
            for (float[] query : queries) {
                QueryBench.exactTop(units, query);
                vectorUtilTop(rows, query);
            }
            List<Double> scalar = new ArrayList<>();
            List<Double> vectorUtil = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                for (float[] query : queries) {
                    long start = System.nanoTime();
                    int[] a = QueryBench.exactTop(units, query);
                    long middle = System.nanoTime();
                    int[] b = vectorUtilTop(rows, query);
                    long end = System.nanoTime();
                    scalar.add((middle - start) / 1e6);
                    vectorUtil.add((end - middle) / 1e6);
                    if (overlap(a, b) < K - 1) {
                        throw new IllegalStateException("the two exact scans disagree on more than a tie");
                    }
                }
            }
            return new ExactScans(Samples.of(scalar), Samples.of(vectorUtil));
        }

        static int[] vectorUtilTop(float[][] rows, float[] query) {
            int[] best = new int[K];
            float[] bestScores = new float[K];
            Arrays.fill(bestScores, Float.NEGATIVE_INFINITY);
            for (int i = 0; i < rows.length; i++) {
                float score = VectorUtil.dotProduct(rows[i], query);
                if (score > bestScores[K - 1]) {
                    int at = K - 1;
                    while (at > 0 && bestScores[at - 1] < score) {
                        bestScores[at] = bestScores[at - 1];
                        best[at] = best[at - 1];
                        at--;
                    }
                    bestScores[at] = score;
                    best[at] = i;
                }
            }
            return best;
        }
    }
}
