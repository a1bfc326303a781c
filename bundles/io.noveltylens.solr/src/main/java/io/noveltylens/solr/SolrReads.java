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
 * AsynchronousCloseException (seen in SolrCloudIT's node-stop test). Queries change nothing, so sending them again
 * is safe; by then the client has marked the node dead and asks a live replica.
 */
final class SolrReads {

    static final int ATTEMPTS = 3;
    /** Pause before the second and third try, for a coordinator's view of the live nodes to catch up. */
    private static final long PAUSE_MILLIS = 100;

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
                // 4xx: the request itself is wrong, and will be wrong again
                if (attempt == ATTEMPTS || e.code() < 500) {
                    throw e;
                }
            }
            pause(attempt * PAUSE_MILLIS);
        }
    }

    static QueryResponse query(CloudSolrClient client, SolrQuery query) throws SolrServerException, IOException {
        return query(client, query, SolrRequest.METHOD.GET);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException();
        }
    }
}
