package io.noveltylens.solr;

import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.impl.CloudSolrClient;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrException;

import io.noveltylens.core.NoveltyException;
import io.noveltylens.core.NoveltyException.Kind;
import io.noveltylens.core.density.DensityReadout;
import io.noveltylens.core.density.DensityScorer;
import io.noveltylens.core.density.DensitySummary;
import io.noveltylens.core.density.NeighbourList;
import io.noveltylens.core.density.PassageDensity;

/**
 * A collection's density readouts with O(k) held per query: the corpus-wide {@link DensitySummary} read on open, and
 * each neighbour's statistics as they came with the hits of {@link SolrCorpusIndex#nearest} (kept for the most recent
 * {@value #RECENT} passages, as the analysis scores right after its search). Statistics of a neighbour not seen in a
 * hit are read from the collection, all of a query's in one request.
 */
final class SolrDensityScorer implements DensityScorer {

    /** Passages whose statistics are kept: a few hundred queries' worth of neighbours, about 60 KB. */
    static final int RECENT = 1024;

    private final CloudSolrClient client;
    private final SolrAddress address;
    private final DensitySummary summary;
    private final Map<Integer, PassageDensity> recent = new LinkedHashMap<>(RECENT, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, PassageDensity> eldest) {
            return size() > RECENT;
        }
    };

    SolrDensityScorer(CloudSolrClient client, SolrAddress address, DensitySummary summary) {
        this.client = client;
        this.address = address;
        this.summary = summary;
    }

    /** Keeps the statistics a hit returned. */
    void remember(SolrDocument hit) throws NoveltyException {
        PassageDensity statistics = SolrFields.density(hit);
        if (statistics == null) {
            throw withoutStatistics(SolrFields.ordinal(hit));
        }
        synchronized (recent) {
            recent.put(SolrFields.ordinal(hit), statistics);
        }
    }

    @Override
    public int k() {
        return summary.k();
    }

    @Override
    public DensityReadout score(NeighbourList queryNeighbours) throws NoveltyException {
        int k = Math.min(summary.k(), queryNeighbours.size());
        Map<Integer, PassageDensity> statistics = new HashMap<>();
        StringJoiner missing = new StringJoiner(" OR ", SolrFields.ORDINAL + ":(", ")");
        int unknown = 0;
        synchronized (recent) {
            for (int j = 0; j < k; j++) {
                int ordinal = queryNeighbours.id(j);
                if (ordinal < 0 || ordinal >= summary.size()) {
                    throw new IllegalArgumentException("No corpus passage " + ordinal);
                }
                PassageDensity known = recent.get(ordinal);
                if (known != null) {
                    statistics.put(ordinal, known);
                } else {
                    missing.add(Integer.toString(ordinal));
                    unknown++;
                }
            }
        }
        if (unknown > 0) {
            read(missing.toString(), unknown, statistics);
        }
        return summary.score(queryNeighbours, statistics::get);
    }

    private void read(String query, int count, Map<Integer, PassageDensity> statistics) throws NoveltyException {
        int found = 0;
        try {
            for (SolrDocument document : SolrReads.query(client, new SolrQuery(query)
                    .setFields(SolrFields.ORDINAL, SolrFields.K_DISTANCE, SolrFields.LRD, SolrFields.PDIST)
                    .setRows(count)).getResults()) {
                PassageDensity passage = SolrFields.density(document);
                if (passage == null) {
                    throw withoutStatistics(SolrFields.ordinal(document));
                }
                statistics.put(SolrFields.ordinal(document), passage);
                found++;
            }
        } catch (SolrServerException | IOException | SolrException e) {
            throw SolrFailures.failed("Reading the density statistics of the neighbours", address, e);
        }
        if (found < count) {
            throw new NoveltyException(Kind.INDEX, "Passages are missing from the " + address
                    + ". Fill the collection again with 'novelty index'.");
        }
    }

    private NoveltyException withoutStatistics(int ordinal) {
        return new NoveltyException(Kind.INDEX, "Passage " + ordinal + " in the " + address + " has no density "
                + "statistics (documents added by hand, or a fill that did not finish?). Fill the collection again "
                + "with 'novelty index'.");
    }
}
