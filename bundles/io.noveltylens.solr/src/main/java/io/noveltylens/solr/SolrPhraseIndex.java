package io.noveltylens.solr;

import java.io.IOException;
import java.util.List;

import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.impl.CloudSolrClient;
import org.apache.solr.common.SolrDocumentList;
import org.apache.solr.common.SolrException;

import io.noveltylens.core.verbatim.PhraseIndex;

/**
 * Verbatim look-ups in the collection's text field: the terms (words as core's VerbatimAnalyzer cuts them) become an
 * exact phrase query. The field's analyzer is the same chain, and re-analysing a lower-cased word gives the word
 * back, so the query holds exactly these terms. Document numbers are the passages' ordinals.
 */
final class SolrPhraseIndex implements PhraseIndex {

    private final CloudSolrClient client;

    SolrPhraseIndex(CloudSolrClient client) {
        this.client = client;
    }

    @Override
    public int[] documentsWith(List<String> terms, int max) throws IOException {
        if (max < 1) {
            return new int[0];
        }
        SolrQuery query = new SolrQuery("{!field f=" + SolrFields.TEXT + "}" + String.join(" ", terms))
                .setFields(SolrFields.ORDINAL).setRows(max).setSort(SolrFields.ORDINAL, SolrQuery.ORDER.asc);
        try {
            SolrDocumentList found = SolrReads.query(client, query).getResults();
            int[] ordinals = new int[found.size()];
            for (int i = 0; i < ordinals.length; i++) {
                ordinals[i] = SolrFields.ordinal(found.get(i));
            }
            return ordinals;
        } catch (SolrServerException | SolrException e) {
            throw new IOException("Phrase query failed: " + e.getMessage(), e);
        }
    }
}
