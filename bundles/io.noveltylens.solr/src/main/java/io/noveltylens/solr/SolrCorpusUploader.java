package io.noveltylens.solr;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.impl.CloudSolrClient;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.client.solrj.request.schema.SchemaRequest;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.SolrInputDocument;

import io.noveltylens.core.CancelledException;
import io.noveltylens.core.NoveltyException;
import io.noveltylens.core.NoveltyException.Kind;
import io.noveltylens.core.Progress;
import io.noveltylens.core.index.CorpusIndex;
import io.noveltylens.core.index.HullData;
import io.noveltylens.core.index.IndexMetadata;
import io.noveltylens.core.index.StoredPassage;

/**
 * Fills a collection with the passages, vectors and statistics of a local index that core's IndexBuilder built from
 * the same corpus: the reading, embedding, leave-one-out density statistics and PCA are core's, unchanged, and ordinals
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
        HullData hull = local.hullData();
        try (CloudSolrClient client = address.connect()) {
            requireCollection(client);
            requireRawVectorField(client);
            // the deletion becomes visible with the final commit, together with the new passages
            send("Emptying the collection", () -> client.deleteByQuery("*:*")); //$NON-NLS-1$ //$NON-NLS-2$
            for (int from = 0; from < n; from += BATCH) {
                progress.checkCanceled();
                int to = Math.min(n, from + BATCH);
                List<SolrInputDocument> documents = new ArrayList<>(to - from);
                float[][] raw = hull.raw().vectors(IntStream.range(from, to).toArray());
                for (int ordinal = from; ordinal < to; ordinal++) {
                    documents.add(passage(local.passage(ordinal), local.vector(ordinal), raw[ordinal - from]));
                }
                send("Uploading passages " + from + "-" + (to - 1), () -> client.add(documents)); //$NON-NLS-1$ //$NON-NLS-2$
                progress.worked(to - from);
            }
            SolrInputDocument summary = metadata(local, hull);
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

    /**
     * A collection created before the hull readouts were served has a schema without the raw vectors; an upload would
     * fail on its first batch, after emptying the collection.
     */
    private void requireRawVectorField(CloudSolrClient client) throws NoveltyException {
        try {
            new SchemaRequest.Field(SolrFields.RAW_VECTOR).process(client);
        } catch (SolrException e) {
            if (e.code() != SolrException.ErrorCode.NOT_FOUND.code) {
                throw SolrFailures.failed("Reading the collection's schema", address, e); //$NON-NLS-1$
            }
            throw new NoveltyException(Kind.INDEX, "The " + address + " was created by an older Novelty Lens: its " //$NON-NLS-1$ //$NON-NLS-2$
                    + "schema has no field for the raw vectors the hull readouts need. Delete it (Solr's Collections " //$NON-NLS-1$
                    + "API), create it again with 'novelty solr create' and fill it with 'novelty index'.", e); //$NON-NLS-1$
        } catch (SolrServerException | IOException e) {
            throw SolrFailures.unreachable(address, e);
        }
    }

    private static SolrInputDocument passage(StoredPassage passage, float[] unit, float[] raw) {
        SolrInputDocument document = new SolrInputDocument();
        document.addField(SolrFields.ID, passage.passageId());
        document.addField(SolrFields.ORDINAL, passage.ordinal());
        document.addField(SolrFields.TEXT, passage.text());
        document.addField(SolrFields.SOURCES, SolrFields.sourcesJson(passage.sources()));
        document.addField(SolrFields.VECTOR, SolrFields.vectorValue(unit));
        document.addField(SolrFields.RAW_VECTOR, SolrFields.vectorValue(raw));
        return document;
    }

    private static SolrInputDocument metadata(CorpusIndex local, HullData hull) {
        SolrInputDocument document = new SolrInputDocument();
        document.addField(SolrFields.ID, SolrFields.METADATA_ID);
        document.addField(SolrFields.METADATA, SolrFields.GSON.toJson(local.metadata()));
        document.addField(SolrFields.DENSITY, bytes(local.density()::write));
        document.addField(SolrFields.PCA, bytes(hull.pca()::write));
        document.addField(SolrFields.LAYOUT, SolrFields.LAYOUT_VERSION);
        return document;
    }

    private static byte[] bytes(BinaryWriter writer) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            writer.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array does not fail
        }
        return bytes.toByteArray();
    }

    @FunctionalInterface
    private interface BinaryWriter {
        void write(DataOutputStream out) throws IOException;
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
