package io.noveltylens.solr;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.SolrRequest;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.impl.CloudSolrClient;
import org.apache.solr.common.SolrDocumentList;
import org.apache.solr.common.SolrException;

import io.noveltylens.core.NoveltyException;
import io.noveltylens.core.ProgressSlice;
import io.noveltylens.core.calibration.Calibration;
import io.noveltylens.core.calibration.ReferenceUnit;
import io.noveltylens.core.corpus.DistinctPassages;
import io.noveltylens.core.density.DensityModel;
import io.noveltylens.core.density.NeighbourList;
import io.noveltylens.core.embed.Embedder;
import io.noveltylens.core.hull.OracleFailure;
import io.noveltylens.core.index.CalibrationBuilder;
import io.noveltylens.core.index.EmbeddingCache;
import io.noveltylens.core.index.HnswCandidates;
import io.noveltylens.core.index.HullData;

/**
 * A collection's calibration (docs/design.md, Calibration), computed by the fill once every passage is searchable and
 * its density statistics and PCA are known: core's {@link CalibrationBuilder} on the reference units a local index of
 * the same corpus draws, each scored as the collection's queries are ({@link SolrCorpusIndex}: embedded as a query,
 * its k nearest passages from the collection's kNN search re-scored exactly, the hull readouts from the collection's
 * oracles within the same budget), against the collection without its own passages and their neighbours in the
 * source (a pre-filter of the kNN search, and core's OracleWithoutRows for the hull solvers).
 */
final class SolrCalibration {

    /** The units' embeddings, in the fill's scratch folder: deleted with it, so a refill embeds them again. */
    private static final String CACHE = "calibration-embeddings.bin";

    private SolrCalibration() {
    }

    /**
     * @param hull    the collection's hull oracles ({@link SolrCorpusIndex#hullData})
     * @param threads units measured at once
     * @throws NoveltyException when the collection stops answering, or the embedder fails
     */
    static Calibration compute(CloudSolrClient client, SolrAddress collection, Embedder embedder,
            DistinctPassages passages, DensityModel density, HullData hull, Path scratch, int threads,
            ProgressSlice progress) throws NoveltyException, IOException {
        List<ReferenceUnit> units = CalibrationBuilder.referenceUnits(passages, density.k());
        try (EmbeddingCache cache = EmbeddingCache.open(scratch.resolve(CACHE), hull.pca().dimension())) {
            return new CalibrationBuilder(embedder, cache,
                    (unit, k, leftOut) -> nearest(client, collection, unit, k, leftOut), density, hull.vectors(),
                    hull.pca(), hull.projected(), ordinal -> text(client, collection, ordinal), threads)
                    .build(units, progress);
        }
    }

    /** A passage's text, for the sentences of a one-sentence unit's nearest passages. */
    private static String text(CloudSolrClient client, SolrAddress collection, int ordinal) {
        try {
            return (String) SolrCorpusIndex.byOrdinal(client, collection, ordinal, SolrFields.TEXT)
                    .getFirstValue(SolrFields.TEXT);
        } catch (NoveltyException e) {
            throw new OracleFailure(e);
        }
    }

    /**
     * The k nearest passages but those left out, with the query's candidates per shard, re-scored with the exact dot
     * product of the returned unit vectors as {@link SolrCorpusIndex#nearest} re-scores a query's.
     */
    private static NeighbourList nearest(CloudSolrClient client, SolrAddress collection, float[] unit, int k,
            int[] leftOut) {
        SolrQuery query = SolrFields.excluding(SolrFields.knn(SolrFields.VECTOR, unit, HnswCandidates.forNearest(k))
                .setFields(SolrFields.ORDINAL, SolrFields.VECTOR).setRows(k), leftOut);
        SolrDocumentList hits;
        try {
            // a vector literal is too long for a URL
            hits = SolrReads.query(client, query, SolrRequest.METHOD.POST).getResults();
        } catch (SolrServerException | IOException | SolrException e) {
            throw new OracleFailure(SolrFailures.failed("The calibration's nearest-neighbour query", collection, e));
        }
        int[] ordinals = new int[hits.size()];
        double[] cosines = new double[hits.size()];
        for (int i = 0; i < ordinals.length; i++) {
            ordinals[i] = SolrFields.ordinal(hits.get(i));
            cosines[i] = SolrFields.dot(SolrFields.vector(hits.get(i).getFieldValues(SolrFields.VECTOR)), unit);
        }
        Integer[] order = new Integer[ordinals.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingDouble(i -> -cosines[i]));
        int[] ids = new int[order.length];
        float[] distances = new float[order.length];
        for (int i = 0; i < order.length; i++) {
            ids[i] = ordinals[order[i]];
            // Euclidean distance between unit vectors, as the queries' density is measured
            distances[i] = (float) Math.sqrt(Math.max(0, 2 - 2 * cosines[order[i]]));
        }
        return new NeighbourList(ids, distances);
    }
}
