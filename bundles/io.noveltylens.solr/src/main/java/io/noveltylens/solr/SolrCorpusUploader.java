package io.noveltylens.solr;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.impl.CloudSolrClient;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.SolrInputDocument;

import io.noveltylens.core.CancelledException;
import io.noveltylens.core.NoveltyException;
import io.noveltylens.core.Progress;
import io.noveltylens.core.index.CorpusIndex;
import io.noveltylens.core.index.IndexMetadata;
import io.noveltylens.core.index.StoredPassage;

/**
 * Fills a collection with the passages, vectors and statistics of a local index that core's IndexBuilder built from
 * the same corpus: the reading, embedding and leave-one-out density statistics are core's, unchanged, and ordinals
 * are kept, so the collection answers exactly as the local index would (up to its own HNSW graph). Batches that fail
 * are sent again with a growing pause; the metadata document goes last, so a collection whose upload stopped half
 * way has none and is refused until an upload runs to the end.
 */
public final class SolrCorpusUploader {

    /** Documents per update request: 500 x (1.5 KB vector + text) keeps a request near 1 MB. */
    static final int BATCH = 500;
    /** Tries per batch; pauses of 0.5, 1 and 2 s between them outlast a leader election after a node restart. */
    static final int ATTEMPTS = 4;

    /** What an upload did: passages sent, wall time, and how many requests had to be sent again. */
    public record Result(int passages, long millis, int retries) {
    }

    private final SolrAddress address;
    private final Progress progress;
    private int retries;

    private SolrCorpusUploader(SolrAddress address, Progress progress) {
        this.address = address;
        this.progress = progress;
    }

    /** Replaces the collection's content with {@code local}'s corpus. */
    public static Result upload(CorpusIndex local, SolrAddress address, Progress progress) throws NoveltyException {
        return new SolrCorpusUploader(address, progress).upload(local);
    }

    private Result upload(CorpusIndex local) throws NoveltyException {
        long start = System.nanoTime();
        IndexMetadata metadata = local.metadata();
        int n = metadata.passages();
        progress.subTask(""); //$NON-NLS-1$
        progress.begin("Uploading " + n + " passages to the " + address, n); //$NON-NLS-1$ //$NON-NLS-2$
        try (CloudSolrClient client = address.connect()) {
            requireCollection(client);
            // the deletion becomes visible with the final commit, together with the new passages
            send("Emptying the collection", () -> client.deleteByQuery("*:*")); //$NON-NLS-1$ //$NON-NLS-2$
            for (int from = 0; from < n; from += BATCH) {
                progress.checkCanceled();
                int to = Math.min(n, from + BATCH);
                List<SolrInputDocument> documents = new ArrayList<>(to - from);
                for (int ordinal = from; ordinal < to; ordinal++) {
                    documents.add(passage(local.passage(ordinal), local.vector(ordinal)));
                }
                send("Uploading passages " + from + "-" + (to - 1), () -> client.add(documents)); //$NON-NLS-1$ //$NON-NLS-2$
                progress.worked(to - from);
            }
            SolrInputDocument summary = metadata(local);
            send("Uploading the metadata", () -> client.add(summary)); //$NON-NLS-1$
            send("Committing", () -> client.commit()); //$NON-NLS-1$
            return new Result(n, (System.nanoTime() - start) / 1_000_000, retries);
        } catch (IOException e) {
            throw SolrFailures.failed("Closing the connection", address, e); //$NON-NLS-1$
        }
    }

    private void requireCollection(CloudSolrClient client) throws NoveltyException {
        try {
            if (!CollectionAdminRequest.listCollections(client).contains(address.collection())) {
                throw SolrFailures.missingCollection(address);
            }
        } catch (SolrServerException | IOException | SolrException e) {
            throw SolrFailures.unreachable(address, e);
        }
    }

    private static SolrInputDocument passage(StoredPassage passage, float[] unit) {
        SolrInputDocument document = new SolrInputDocument();
        document.addField(SolrFields.ID, passage.passageId());
        document.addField(SolrFields.ORDINAL, passage.ordinal());
        document.addField(SolrFields.TEXT, passage.text());
        document.addField(SolrFields.SOURCES, SolrFields.sourcesJson(passage.sources()));
        document.addField(SolrFields.VECTOR, SolrFields.vectorValue(unit));
        return document;
    }

    private static SolrInputDocument metadata(CorpusIndex local) {
        ByteArrayOutputStream density = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(density)) {
            local.density().write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array does not fail
        }
        SolrInputDocument document = new SolrInputDocument();
        document.addField(SolrFields.ID, SolrFields.METADATA_ID);
        document.addField(SolrFields.METADATA, SolrFields.GSON.toJson(local.metadata()));
        document.addField(SolrFields.DENSITY, density.toByteArray());
        return document;
    }

    /** Sends one request, again after a pause when it fails, up to {@link #ATTEMPTS} times. */
    private void send(String what, SolrCall call) throws NoveltyException {
        for (int attempt = 1;; attempt++) {
            try {
                call.run();
                return;
            } catch (SolrServerException | IOException | SolrException e) {
                if (attempt == ATTEMPTS) {
                    throw SolrFailures.failed(what + " (" + ATTEMPTS + " tries; the collection is refused until an " //$NON-NLS-1$ //$NON-NLS-2$
                            + "upload runs to the end)", address, e); //$NON-NLS-1$
                }
                retries++;
                progress.subTask(what + ": failed (" + e.getMessage() + "), trying again"); //$NON-NLS-1$ //$NON-NLS-2$
                pause(500L << (attempt - 1));
            }
        }
    }

    private void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException();
        }
        progress.checkCanceled();
    }

    @FunctionalInterface
    private interface SolrCall {
        void run() throws SolrServerException, IOException;
    }
}
