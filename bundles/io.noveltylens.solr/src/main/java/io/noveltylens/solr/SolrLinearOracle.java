package io.noveltylens.solr;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.SolrRequest;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.impl.CloudSolrClient;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrDocumentList;
import org.apache.solr.common.SolrException;

import io.noveltylens.core.NoveltyException;
import io.noveltylens.core.NoveltyException.Kind;
import io.noveltylens.core.hull.FetchedRows;
import io.noveltylens.core.hull.LinearOracle;
import io.noveltylens.core.hull.Maximisers;
import io.noveltylens.core.hull.OracleFailure;
import io.noveltylens.core.index.HnswCandidates;

/**
 * The hull solvers' linear oracle over a collection's unit vectors (the hull readouts' space). On unit rows the order
 * of {@code <x_i, w>} is the order of the cosine with w, so {@code {!knn f=vector}} with w normalised as the query
 * vector returns the rows with the largest {@code <x_i, w>} that HNSW finds; the rows the caller holds already are excluded by a pre-filter, so every hit is
 * new. The values are re-computed exactly from the returned vectors, but HNSW may miss the true maximum: every answer
 * is marked not certified.
 */
final class SolrLinearOracle implements LinearOracle {

    private final CloudSolrClient client;
    private final SolrAddress address;
    private final int rows;
    private final int dimension;
    private final double spread;

    /**
     * @param spread the unit vectors' root-mean-square distance from their mean, known from the PCA uploaded with them
     *     (a scan of the collection would cost what the oracle exists to avoid)
     */
    SolrLinearOracle(CloudSolrClient client, SolrAddress address, int rows, int dimension, double spread) {
        this.client = client;
        this.address = address;
        this.rows = rows;
        this.dimension = dimension;
        this.spread = spread;
    }

    @Override
    public int rows() {
        return rows;
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public double spread() {
        return spread;
    }

    @Override
    public float[][] vectors(int[] ordinals) {
        String list = IntStream.of(ordinals).mapToObj(Integer::toString).collect(Collectors.joining(","));
        SolrQuery query = new SolrQuery("{!terms f=" + SolrFields.ORDINAL + "}" + list)
                .setFields(SolrFields.ORDINAL, SolrFields.VECTOR).setRows(ordinals.length);
        Map<Integer, float[]> found = new HashMap<>();
        for (SolrDocument hit : search(query, "Reading vectors")) {
            found.put(SolrFields.ordinal(hit), vector(hit));
        }
        float[][] vectors = new float[ordinals.length][];
        for (int i = 0; i < ordinals.length; i++) {
            vectors[i] = found.get(ordinals[i]);
            if (vectors[i] == null) {
                throw new OracleFailure(new NoveltyException(Kind.INDEX, "Passage " + ordinals[i] + " is missing from "
                        + "the " + address + ". Fill the collection again with 'novelty index'."));
            }
        }
        return vectors;
    }

    /** By cosine, from the unit vectors' HNSW graph: start rows need only be near, not the nearest. */
    @Override
    public int[] nearestRows(double[] point, int count) {
        SolrQuery query = knn(SolrFields.VECTOR, SolrFields.unitVector(point), count).setFields(SolrFields.ORDINAL);
        return search(query, "The nearest-neighbour query").stream().mapToInt(SolrFields::ordinal).toArray();
    }

    @Override
    public Maximisers maximise(double[] direction, int count, FetchedRows held) {
        SolrQuery query = knn(SolrFields.VECTOR, SolrFields.unitVector(direction), count)
                .setFields(SolrFields.ORDINAL, SolrFields.VECTOR);
        // the held rows are skipped by HNSW instead of returned
        SolrFields.excluding(query, IntStream.range(0, held.size()).map(held::row).toArray());
        SolrDocumentList hits = search(query, "The maximum-inner-product query");
        int[] found = new int[hits.size()];
        double[] values = new double[hits.size()];
        float[][] vectors = new float[hits.size()][];
        for (int i = 0; i < found.length; i++) {
            found[i] = SolrFields.ordinal(hits.get(i));
            vectors[i] = vector(hits.get(i));
            for (int j = 0; j < dimension; j++) {
                values[i] += vectors[i][j] * direction[j];
            }
        }
        return new Maximisers(found, values, vectors, false);
    }

    private static float[] vector(SolrDocument hit) {
        return SolrFields.vector(hit.getFieldValues(SolrFields.VECTOR));
    }

    /** The {@code count} best hits of a kNN search with as many candidates per shard as the neighbours' search. */
    private static SolrQuery knn(String field, float[] vector, int count) {
        return SolrFields.knn(field, vector, Math.max(HnswCandidates.MIN, count)).setRows(count);
    }

    private SolrDocumentList search(SolrQuery query, String what) {
        try {
            // vector literals and ordinal lists are too long for a URL
            return SolrReads.query(client, query, SolrRequest.METHOD.POST).getResults();
        } catch (SolrServerException | IOException | SolrException e) {
            throw new OracleFailure(SolrFailures.failed(what + " for the hull readouts", address, e));
        }
    }
}
