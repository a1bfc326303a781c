package io.noveltylens.solr;

import java.io.IOException;

import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.common.SolrException;

import io.noveltylens.core.NoveltyException;
import io.noveltylens.core.Progress;

/**
 * Update requests of a fill, each sent again after a pause when it fails: pauses of 0.5, 1 and 2 s outlast a leader
 * election after a node restart. Safe to call from the sending thread while the filling thread reports progress:
 * what this reports goes through the progress sink under its lock.
 */
final class SolrUpdates {

    /** Tries per request. */
    static final int ATTEMPTS = 4;

    private final SolrAddress address;
    private final Progress progress;
    private int retries;

    SolrUpdates(SolrAddress address, Progress progress) {
        this.address = address;
        this.progress = progress;
    }

    /** A request to the cluster. */
    @FunctionalInterface
    interface Request {
        void send() throws SolrServerException, IOException;
    }

    /** Sends {@code request}, again after a pause when it fails, up to {@link #ATTEMPTS} times. */
    void send(String what, Request request) throws NoveltyException {
        for (int attempt = 1;; attempt++) {
            try {
                request.send();
                return;
            } catch (SolrServerException | IOException | SolrException e) {
                if (attempt == ATTEMPTS) {
                    throw SolrFailures.failed(what + " (" + ATTEMPTS + " tries; the corpus in use is unchanged)",
                            address, e);
                }
                synchronized (progress) {
                    retries++;
                    progress.subTask(what + ": failed (" + SolrFailures.cause(e) + "), trying again");
                }
                SolrReads.pause(500L << (attempt - 1));
            }
        }
    }

    /** How many requests were sent again. */
    int retries() {
        synchronized (progress) {
            return retries;
        }
    }
}
