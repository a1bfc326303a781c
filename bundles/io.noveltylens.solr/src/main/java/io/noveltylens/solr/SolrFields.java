package io.noveltylens.solr;

import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.common.SolrDocument;

import com.google.gson.Gson;
import com.google.gson.reflect.TypeToken;

import io.noveltylens.core.corpus.Provenance;
import io.noveltylens.core.density.PassageDensity;

/**
 * The fields of the shipped configset's schema (configset/schema.xml) and how values cross SolrJ. A passage's ordinal
 * is its place in order of first appearance, as in a local index of the same corpus. Each passage's document holds its
 * density statistics, returned with the hits; the metadata document their corpus-wide summary.
 */
final class SolrFields {

    static final String ID = "id";
    static final String ORDINAL = "ordinal";
    static final String TEXT = "text";
    static final String SOURCES = "sources";
    static final String VECTOR = "vector";
    static final String RAW_VECTOR = "raw_vector";
    static final String METADATA = "metadata";
    static final String DENSITY = "density";
    static final String PCA = "pca";
    static final String LAYOUT = "layout";
    /** The metadata document's calibration (core's Calibration.write bytes), from layout 4. */
    static final String CALIBRATION = "calibration";
    /** A passage's {@link io.noveltylens.core.density.PassageDensity}, one docValues field each. */
    static final String K_DISTANCE = "k_distance";
    static final String LRD = "lrd";
    static final String PDIST = "pdist";
    /**
     * Knots of the corpus's distribution of mean kNN distances in the metadata document: the percentile is within
     * 100 / 2,048 = 0.05 points of the exact one (DistanceQuantiles), 32 KB whatever the corpus's size.
     */
    static final int DENSITY_QUANTILES = 2_049;
    /** The id of the document that holds the corpus's metadata and density statistics. */
    static final String METADATA_ID = "novelty-metadata";
    /**
     * The collection's layout, written in the metadata document: 2 added the raw vectors and the PCA the hull
     * readouts need, 3 moved the density statistics from the metadata document to each passage's document, 4 added
     * the calibration to the metadata document. A collection of layout 2 still answers, with its statistics read whole
     * from the metadata document as before; layouts 2 and 3 answer without calibration (their percentiles against
     * their passages, leave-one-out); one of layout 1 (which wrote none) is refused with "create it again".
     */
    static final int LAYOUT_VERSION = 4;
    /** The first layout whose metadata document holds a calibration. */
    static final int CALIBRATED_LAYOUT = 4;
    /** The oldest layout that still answers: the same passage documents as layouts 3-4, without their statistics. */
    static final int OLDEST_READ_LAYOUT = 2;

    static final Gson GSON = new Gson();
    private static final Type PROVENANCE_LIST = new TypeToken<List<Provenance>>() {
    }.getType();

    private SolrFields() {
    }

    static String sourcesJson(List<Provenance> sources) {
        return GSON.toJson(sources, PROVENANCE_LIST);
    }

    static List<Provenance> sources(Object json) {
        return GSON.fromJson((String) json, PROVENANCE_LIST);
    }

    static int ordinal(SolrDocument document) {
        return ((Number) document.getFirstValue(ORDINAL)).intValue();
    }

    /** A passage's density statistics as a hit returns them; null when its document has none. */
    static PassageDensity density(SolrDocument document) {
        Object kDistance = document.getFirstValue(K_DISTANCE);
        Object lrd = document.getFirstValue(LRD);
        Object pdist = document.getFirstValue(PDIST);
        if (kDistance == null || lrd == null || pdist == null) {
            return null;
        }
        return new PassageDensity(((Number) kDistance).doubleValue(), ((Number) lrd).doubleValue(),
                ((Number) pdist).doubleValue());
    }

    /** A vector as SolrJ sends it: a list of floats. */
    static List<Float> vectorValue(float[] vector) {
        List<Float> values = new ArrayList<>(vector.length);
        for (float value : vector) {
            values.add(value);
        }
        return values;
    }

    /** A stored vector as SolrJ returns it. */
    static float[] vector(Collection<Object> values) {
        float[] vector = new float[values.size()];
        int i = 0;
        for (Object value : values) {
            vector[i++] = ((Number) value).floatValue();
        }
        return vector;
    }

    /** Exact cosine of unit vectors, in double as the local index re-scores. */
    static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (double) a[i] * b[i];
        }
        return sum;
    }

    /** {@code vector / ||vector||} as floats, the precision Solr searches with. */
    static float[] unitVector(double[] vector) {
        double norm = 0;
        for (double value : vector) {
            norm += value * value;
        }
        norm = Math.sqrt(norm);
        float[] unit = new float[vector.length];
        for (int i = 0; i < vector.length; i++) {
            unit[i] = (float) (vector[i] / norm);
        }
        return unit;
    }

    /**
     * Solr's kNN query on {@code field} with {@code candidates} HNSW candidates per shard; send it by POST (the vector
     * literal is too long for a URL).
     */
    static SolrQuery knn(String field, float[] vector, int candidates) {
        return new SolrQuery("{!knn f=" + field + " topK=" + candidates + "}" + vectorLiteral(vector));
    }

    /**
     * {@code query}, a kNN query, without the passages of {@code ordinals}: a pre-filter, so HNSW skips them instead of
     * returning them, and every hit is one the caller can use.
     */
    static SolrQuery excluding(SolrQuery query, int[] ordinals) {
        if (ordinals.length > 0) {
            query.addFilterQuery("{!bool must=*:* must_not=$excluded}");
            query.set("excluded", "{!terms f=" + ORDINAL + "}"
                    + IntStream.of(ordinals).mapToObj(Integer::toString).collect(Collectors.joining(",")));
        }
        return query;
    }

    /** The {@code {!knn}} query's vector literal; Float.toString round-trips every float exactly. */
    static String vectorLiteral(float[] vector) {
        StringBuilder literal = new StringBuilder(vector.length * 12).append('[');
        for (int i = 0; i < vector.length; i++) {
            literal.append(i == 0 ? "" : ",").append(vector[i]);
        }
        return literal.append(']').toString();
    }
}
