package io.noveltylens.solr;

import java.io.IOException;

import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.SolrRequest;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.impl.CloudSolrClient;
import org.apache.solr.client.solrj.request.QueryRequest;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrException;

import io.noveltylens.core.CancelledException;

/**
 * Queries, sent again when the node answering them goes away mid-request. SolrJ's load balancer tries another
 * replica only before a request is on the wire; a query in flight when its node stops fails with an
 * AsynchronousCloseException (seen in SolrCloudIT's node-stop test), and so does a query whose coordinating node
 * forwarded it to a replica on the stopping node. Queries change nothing, so sending them again is safe; within a
 * few seconds the node has left the cluster state and every request goes to live replicas.
 */
final class SolrReads {

    /** Tries; the pauses between them (0.1, 0.2, 0.4, 0.8, 1.6 s) outlast a node's shutdown in SolrCloudIT. */
    static final int ATTEMPTS = 6;
    private static final long FIRST_PAUSE_MILLIS = 100;

    private SolrReads() {
    }

    static QueryResponse query(CloudSolrClient client, SolrQuery query, SolrRequest.METHOD method)
            throws SolrServerException, IOException {
        for (int attempt = 1;; attempt++) {
            try {
                return new QueryRequest(query, method).process(client);
            } catch (SolrServerException | IOException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            } catch (SolrException e) {
                // 4xx: the request itself is wrong, and will be wrong again; a shard that failed behind a live
                // coordinator comes back as an error with code 500, or 200 (seen in SolrCloudIT)
                if (attempt == ATTEMPTS || e.code() >= 400 && e.code() < 500) {
                    throw e;
                }
            }
            pause(FIRST_PAUSE_MILLIS << (attempt - 1));
        }
    }

    static QueryResponse query(CloudSolrClient client, SolrQuery query) throws SolrServerException, IOException {
        return query(client, query, SolrRequest.METHOD.GET);
    }

    /** Waits before sending a request again; an interrupt is a cancellation. */
    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException();
        }
    }
}
