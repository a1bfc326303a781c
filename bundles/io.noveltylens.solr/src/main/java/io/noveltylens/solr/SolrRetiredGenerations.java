package io.noveltylens.solr;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.impl.CloudSolrClient;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;

/**
 * Generations a fill replaced, kept for a grace period so that clients that opened them (an IDE, a long `novelty
 * annotate`) finish what they are doing and move to the new generation on their next query, instead of failing. The
 * time a generation was replaced is an alias property of the corpus ({@code novelty.retired.G}: milliseconds since the
 * epoch), written when the alias moves; fills delete the generations whose grace period is over.
 */
final class SolrRetiredGenerations {

    private static final String PROPERTY = "novelty.retired.";

    private SolrRetiredGenerations() {
    }

    /** Notes that {@code generation} of {@code corpus} stopped being the current one at {@code now}. */
    static void retire(CloudSolrClient client, String corpus, String generation, Instant now)
            throws SolrServerException, IOException {
        CollectionAdminRequest.setAliasProperty(corpus)
                .addProperty(PROPERTY + generation, Long.toString(now.toEpochMilli())).process(client);
    }

    /** Forgets a deleted generation's retirement (an empty value removes an alias property). */
    static void forget(CloudSolrClient client, String corpus, String generation)
            throws SolrServerException, IOException {
        CollectionAdminRequest.setAliasProperty(corpus).addProperty(PROPERTY + generation, "").process(client);
    }

    /** Whether {@code generation} was replaced by a fill (it is then not a dead fill's leftover). */
    static boolean isRetired(Map<String, String> aliasProperties, String generation) {
        return retiredAt(aliasProperties, generation) != null;
    }

    /**
     * The retired generations among {@code collections} whose grace period is over at {@code now}: replaced at least
     * {@code grace} ago.
     */
    static List<String> expired(Map<String, String> aliasProperties, List<String> collections, Instant now,
            Duration grace) {
        List<String> expired = new ArrayList<>();
        for (String collection : collections) {
            Instant retired = retiredAt(aliasProperties, collection);
            if (retired != null && !now.isBefore(retired.plus(grace))) {
                expired.add(collection);
            }
        }
        return expired;
    }

    private static Instant retiredAt(Map<String, String> aliasProperties, String generation) {
        String millis = aliasProperties.get(PROPERTY + generation);
        if (millis == null || millis.isBlank()) {
            return null;
        }
        try {
            return Instant.ofEpochMilli(Long.parseLong(millis.strip()));
        } catch (NumberFormatException e) {
            return Instant.EPOCH; // not ours to understand: its grace period counts as over
        }
    }
}
