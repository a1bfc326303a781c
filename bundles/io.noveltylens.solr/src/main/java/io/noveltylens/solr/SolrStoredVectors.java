package io.noveltylens.solr;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.SolrRequest;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.impl.CloudSolrClient;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrException;

import io.noveltylens.core.corpus.CorpusPassage;
import io.noveltylens.core.embed.Embedding;
import io.noveltylens.core.embed.ModelFingerprint;
import io.noveltylens.core.index.IndexMetadata;

/**
 * The vectors of the generation in use, when the same model and layout filled it: a passage found there by its
 * content hash (its id) is not embedded again, so filling a corpus again after a change embeds only what changed, and
 * a fill that was stopped costs again only what it had embedded. The collection plays the part the embedding cache
 * plays for a local index, without keeping the vectors on the filling machine.
 */
final class SolrStoredVectors {

    private static final SolrStoredVectors NONE = new SolrStoredVectors(null, null);

    private final CloudSolrClient client;
    private final String collection;

    private SolrStoredVectors(CloudSolrClient client, String collection) {
        this.client = client;
        this.collection = collection;
    }

    /**
     * The vectors of {@code collection} if {@code model} filled it in a layout that stores them as this one does (2 and
     * 3 differ only in where the density statistics live); otherwise none.
     */
    static SolrStoredVectors of(CloudSolrClient client, String collection, ModelFingerprint model, int dimension) {
        try {
            List<SolrDocument> found = new ArrayList<>(client.query(collection,
                    new SolrQuery(SolrFields.ID + ":" + SolrFields.METADATA_ID)
                            .setFields(SolrFields.METADATA, SolrFields.LAYOUT))
                    .getResults());
            if (found.isEmpty() || !(found.get(0).getFirstValue(SolrFields.LAYOUT) instanceof Number layout)
                    || layout.intValue() < SolrFields.OLDEST_READ_LAYOUT
                    || layout.intValue() > SolrFields.LAYOUT_VERSION) {
                return NONE;
            }
            IndexMetadata metadata = SolrFields.GSON.fromJson((String) found.get(0).getFirstValue(SolrFields.METADATA),
                    IndexMetadata.class);
            return metadata.builtWith(model, dimension) ? new SolrStoredVectors(client, collection) : NONE;
        } catch (SolrServerException | IOException | RuntimeException e) {
            return NONE; // an empty first generation, or an unreadable one: every passage is embedded
        }
    }

    /** The vectors stored for these passages, by content hash; a mutable map, empty when nothing is reusable. */
    Map<String, Embedding> find(List<CorpusPassage> passages) {
        Map<String, Embedding> found = new HashMap<>();
        if (client == null) {
            return found;
        }
        SolrQuery query = new SolrQuery("{!terms f=" + SolrFields.ID + "}"
                + passages.stream().map(CorpusPassage::contentHash).collect(Collectors.joining(",")))
                .setFields(SolrFields.ID, SolrFields.VECTOR, SolrFields.RAW_VECTOR).setRows(passages.size());
        try {
            for (SolrDocument document : client.query(collection, query, SolrRequest.METHOD.POST).getResults()) {
                float[] unit = SolrFields.vector(document.getFieldValues(SolrFields.VECTOR));
                float[] raw = SolrFields.vector(document.getFieldValues(SolrFields.RAW_VECTOR));
                found.put((String) document.getFirstValue(SolrFields.ID),
                        new Embedding(unit, (float) Math.sqrt(SolrFields.dot(raw, raw)), 1));
            }
        } catch (SolrServerException | IOException | SolrException e) {
            found.clear(); // the passages are embedded instead
        }
        return found;
    }
}
