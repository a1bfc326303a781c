package io.noveltylens.core.index;

import java.io.IOException;
import java.util.Arrays;
import java.util.function.IntPredicate;

import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;

import io.noveltylens.core.density.NeighbourList;

/**
 * Top-k by exact cosine: the HNSW graph proposes {@link HnswCandidates} candidates, every candidate is re-scored with
 * the exact dot product of the stored unit vectors (in memory, or read from the index's vector file). Index builds
 * search the same way, so the density statistics of corpus passages and of queries come from the same search.
 */
final class VectorSearch {

    private final IndexSearcher searcher;
    private final StoredVectors units;

    VectorSearch(IndexSearcher searcher, StoredVectors units) {
        this.searcher = searcher;
        this.units = units;
    }

    /** Document ids and cosines of the k nearest passages, best first, leaving out {@code excludedDoc} (or -1). */
    Hits nearest(float[] unitQuery, int k, int excludedDoc) throws IOException {
        return nearest(unitQuery, k, doc -> doc == excludedDoc);
    }

    /** As {@link #nearest(float[], int, int)}, leaving out the few documents {@code excluded} accepts. */
    Hits nearest(float[] unitQuery, int k, IntPredicate excluded) throws IOException {
        int candidates = HnswCandidates.forNearest(k);
        TopDocs top = searcher.search(new KnnFloatVectorQuery(LuceneSchema.VECTOR, unitQuery, candidates), candidates);
        double[] query = new double[unitQuery.length];
        for (int i = 0; i < query.length; i++) {
            query[i] = unitQuery[i];
        }
        int[] docs = new int[top.scoreDocs.length];
        double[] cosines = new double[top.scoreDocs.length];
        int count = 0;
        for (ScoreDoc hit : top.scoreDocs) {
            if (!excluded.test(hit.doc)) {
                docs[count++] = hit.doc;
            }
        }
        units.dots(docs, count, query, cosines);
        Integer[] order = new Integer[count];
        for (int i = 0; i < count; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(cosines[b], cosines[a]));
        int n = Math.min(k, count);
        int[] bestDocs = new int[n];
        double[] bestCosines = new double[n];
        for (int i = 0; i < n; i++) {
            bestDocs[i] = docs[order[i]];
            bestCosines[i] = cosines[order[i]];
        }
        return new Hits(bestDocs, bestCosines);
    }

    /**
     * The calibration's search ({@link CalibrationBuilder.Search}): the k nearest passages but the few left out (sorted
     * ordinals, which are the document ids), with their distances.
     */
    NeighbourList leavingOut(float[] unitQuery, int k, int[] leftOut) throws IOException {
        Hits hits = nearest(unitQuery, k, doc -> Arrays.binarySearch(leftOut, doc) >= 0);
        float[] distances = new float[hits.docs().length];
        for (int j = 0; j < distances.length; j++) {
            distances[j] = hits.distance(j);
        }
        return new NeighbourList(hits.docs(), distances);
    }

    /** Document ids with their exact cosine similarity, best first. */
    record Hits(int[] docs, double[] cosines) {

        /** Euclidean distance between unit vectors, sqrt(2 - 2 cos), of hit i. */
        float distance(int i) {
            return (float) Math.sqrt(Math.max(0, 2 - 2 * cosines[i]));
        }
    }
}
