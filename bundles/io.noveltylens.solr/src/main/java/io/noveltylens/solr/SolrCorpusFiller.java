package io.noveltylens.solr;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.impl.CloudSolrClient;
import org.apache.solr.client.solrj.request.UpdateRequest;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.SolrInputDocument;

import io.noveltylens.core.BackgroundResult;
import io.noveltylens.core.CancelledException;
import io.noveltylens.core.NoveltyException;
import io.noveltylens.core.NoveltyException.Kind;
import io.noveltylens.core.Progress;
import io.noveltylens.core.ProgressSlice;
import io.noveltylens.core.calibration.Calibration;
import io.noveltylens.core.corpus.CorpusPassage;
import io.noveltylens.core.corpus.CorpusReadResult;
import io.noveltylens.core.corpus.CorpusReader;
import io.noveltylens.core.corpus.DistinctPassages;
import io.noveltylens.core.corpus.PassageSplitter;
import io.noveltylens.core.corpus.SkippedSource;
import io.noveltylens.core.density.DensityModel;
import io.noveltylens.core.density.DensitySummary;
import io.noveltylens.core.density.PassageDensity;
import io.noveltylens.core.embed.Embedder;
import io.noveltylens.core.embed.Embedding;
import io.noveltylens.core.embed.ModelFingerprint;
import io.noveltylens.core.index.IndexMetadata;
import io.noveltylens.core.index.IndexSettings;
import io.noveltylens.core.math.FloatMatrix;
import io.noveltylens.core.math.Pca;
import io.noveltylens.core.math.PcaAccumulator;

/**
 * Fills a corpus's collection straight from its source files, with nothing of the size of the corpus on this
 * machine but the reader's de-duplication (a hash and the provenance per passage) and, while the density statistics
 * are computed, the neighbour lists. Core's streaming reader gives the distinct passages; each batch is embedded (or
 * its vectors are taken from the generation in use, when the same model filled it) and sent while the next one is
 * embedded, and folded into a streaming PCA. Once every passage is searchable, the collection itself finds every
 * passage's leave-one-out neighbours for the density statistics ({@link SolrLeaveOneOut}).
 * <p>
 * Everything goes into a new generation ({@link SolrCollections}); the corpus's alias moves to it only when it is
 * complete, so a failed, cancelled or killed fill leaves the previous corpus answering, and the new generation is
 * deleted (a killed fill's by the next fill). The generation it replaces stays for a grace period
 * ({@link SolrRetiredGenerations}), so that clients that opened it move on without an error. Requests that fail are
 * sent again with a growing pause.
 */
public final class SolrCorpusFiller {

    /** Passages per embedding call and update request: 500 x (2 vectors of 1.5 KB + text) keeps a request near 2 MB. */
    static final int BATCH = 500;
    private static final int WORK_READ = 50;
    private static final int WORK_UPLOAD = 800;
    private static final int WORK_DENSITY = 150;
    private static final int WORK_CALIBRATE = 150;

    /**
     * What a fill did.
     *
     * @param passages   distinct passages in the collection
     * @param embedded   passages embedded by this fill; the others' vectors came from the previous generation
     * @param generation the collection the corpus's alias now points to
     * @param millis     wall time of the whole fill
     * @param uploadMillis  of which embedding and sending the passages
     * @param searchMillis  of which the leave-one-out searches for the density statistics
     * @param statisticsMillis of which writing each passage's density statistics into its document
     * @param calibrationMillis of which calibrating the readouts (embedding and scoring the reference units)
     * @param retries    requests that had to be sent again
     * @param kept       the generation this fill replaced, kept for clients that opened it until the grace period
     *                   is over, after which the next fill deletes it; null when the grace period is zero
     * @param deleted    generations deleted because their grace period was over (the replaced one, with none)
     * @param notDeleted generations whose deletion failed (they hold disk space until the next fill or a deletion by
     *                   hand)
     */
    public record Result(int passages, int passagesRead, int sources, List<SkippedSource> skipped, int embedded,
            String generation, long millis, long uploadMillis, long searchMillis, long statisticsMillis,
            long calibrationMillis, int retries,
            String kept,
            List<String> deleted, List<String> notDeleted) {
    }

    /**
     * How long a fill's lock outlives its holder's last sign of life ({@link SolrFillLock}), and how long a replaced
     * generation is kept for the clients that opened it.
     */
    public record Times(Duration lockExpiry, Duration grace) {

        /** Five minutes each: an open IDE's next analysis or an annotation's next file comes well within that. */
        public static final Times DEFAULT = new Times(SolrFillLock.DEFAULT_EXPIRY, Duration.ofMinutes(5));

        public Times withGrace(Duration given) {
            return new Times(lockExpiry, given);
        }

        public Times withLockExpiry(Duration given) {
            return new Times(given, grace);
        }
    }

    private final SolrAddress address;
    private final Embedder embedder;
    private final IndexSettings settings;
    private final Progress progress;
    private final SolrUpdates updates;
    private final Times times;

    private SolrCorpusFiller(SolrAddress address, Embedder embedder, IndexSettings settings, Progress progress,
            Times times) {
        this.address = address;
        this.embedder = embedder;
        this.settings = settings;
        this.progress = progress;
        this.updates = new SolrUpdates(address, progress);
        this.times = times;
    }

    /**
     * Replaces the corpus in {@code address} (made by {@link SolrCollections#create}) with the passages of
     * {@code sources}, read as the local index reads them.
     *
     * @param scratch a folder for the reader's scratch file (the distinct texts, deleted at the end), private to the
     *            fills of this corpus: what a killed fill left there is deleted
     * @throws CancelledException when {@code progress} is cancelled; the previous corpus stays in use
     */
    public static Result fill(List<Path> sources, IndexSettings settings, Embedder embedder, SolrAddress address,
            Path scratch, Progress progress) throws NoveltyException {
        return fill(sources, settings, embedder, address, scratch, progress, Times.DEFAULT);
    }

    /**
     * As {@link #fill(List, IndexSettings, Embedder, SolrAddress, Path, Progress)}, holding the corpus's fill lock
     * ({@link SolrFillLock}) with {@code times}' expiry (another fill is refused while this one runs, and a lock whose
     * holder was silent for longer is broken) and keeping the replaced generation for {@code times}' grace period.
     */
    public static Result fill(List<Path> sources, IndexSettings settings, Embedder embedder, SolrAddress address,
            Path scratch, Progress progress, Times times) throws NoveltyException {
        return new SolrCorpusFiller(address, embedder, settings, progress, times).fill(sources, scratch);
    }

    private Result fill(List<Path> sources, Path scratch) throws NoveltyException {
        long start = System.nanoTime();
        progress.begin("Filling the " + address, WORK_READ + WORK_UPLOAD + WORK_DENSITY + WORK_CALIBRATE);
        // recorded in the collection: hashed from the files as they are, never a digest remembered by file stamps
        ModelFingerprint model = BackgroundResult.await(embedder.verifiedFingerprint(), "Fingerprinting the model");
        int dimension = embedder.model().dimension();
        Path reading = null;
        try (CloudSolrClient client = address.connect()) {
            String current = SolrCollections.current(client, address);
            reading = emptied(scratch);
            try (CorpusReadResult corpus = new CorpusReader(new PassageSplitter(settings.maxPassageWords()),
                    settings.maxFileBytes(), settings.filter()).read(sources, reading,
                            new ProgressSlice(progress, WORK_READ))) {
                corpus.requireTwoPassages();
                try (SolrFillLock lock = SolrFillLock.take(client, address, current, times.lockExpiry(), progress)) {
                    return fillLocked(client, current, lock, corpus, model, dimension, reading, start);
                }
            }
        } catch (SolrServerException | SolrException e) {
            throw SolrFailures.failed("Filling the corpus", address, e);
        } catch (IOException e) {
            throw new NoveltyException(Kind.IO, "Filling the " + address + " failed: " + e.getMessage()
                    + ". The corpus in use is unchanged; check the cluster and the free space in " + scratch + ".", e);
        } finally {
            deleteScratch(reading);
        }
    }

    /** Creates the locked generation, fills it and moves the alias to it; deletes it when anything fails. */
    private Result fillLocked(CloudSolrClient client, String current, SolrFillLock lock, CorpusReadResult corpus,
            ModelFingerprint model, int dimension, Path scratch, long start) throws NoveltyException,
            SolrServerException, IOException {
        DistinctPassages passages = corpus.passages();
        String next = lock.generation();
        progress.subTask("Creating " + next);
        try {
            SolrCollections.createGeneration(client, next, dimension, SolrCollections.shape(client, current));
        } catch (SolrException e) {
            if (e.getMessage() != null && e.getMessage().contains("collection already exists")) {
                throw lock.lostTheRace(address, times.lockExpiry());
            }
            throw e;
        }
        boolean published = false;
        try {
            Generation filled = fillGeneration(client, current, address.withCollection(next), corpus, model,
                    dimension, scratch, start);
            SolrCollections.point(client, address.collection(), next);
            published = true;
            List<String> deleted = new ArrayList<>();
            List<String> notDeleted = new ArrayList<>();
            boolean retired = false;
            try {
                Instant now = Instant.now();
                SolrRetiredGenerations.retire(client, address.collection(), current, now);
                retired = true;
                deleteExpired(client, next, now, deleted, notDeleted);
            } catch (SolrServerException | IOException | SolrException e) {
                // the corpus is filled and published; a generation not marked as retired has no grace period: it is
                // a leftover to the next fill, which deletes it, so it is reported as not deleted, never as kept
                if (!retired) {
                    notDeleted.add(current);
                }
            }
            boolean kept = retired && !deleted.contains(current) && !notDeleted.contains(current);
            return new Result(passages.count(), corpus.passagesRead(), corpus.sources().size(),
                    corpus.skipped(), filled.embedded(), next, (System.nanoTime() - start) / 1_000_000,
                    filled.uploadMillis(), filled.searchMillis(), filled.statisticsMillis(), filled.calibrationMillis(),
                    updates.retries(),
                    kept ? current : null, deleted,
                    notDeleted);
        } finally {
            if (!published) {
                deleteQuietly(client, next);
            }
        }
    }

    /** What {@link #fillGeneration} wrote. */
    private record Generation(int embedded, long uploadMillis, long searchMillis, long statisticsMillis,
            long calibrationMillis) {
    }

    private Generation fillGeneration(CloudSolrClient admin, String current, SolrAddress target,
            CorpusReadResult corpus, ModelFingerprint model, int dimension, Path scratch, long start)
            throws NoveltyException, IOException {
        DistinctPassages passages = corpus.passages();
        int n = passages.count();
        int k = Math.min(settings.k(), n - 1);
        try (CloudSolrClient writer = target.connect()) {
            SolrStoredVectors reusable = SolrStoredVectors.of(admin, current, model, dimension);
            PcaAccumulator pca = new PcaAccumulator(dimension);
            long uploadStart = System.nanoTime();
            int embedded = upload(writer, passages, reusable, pca, new ProgressSlice(progress, WORK_UPLOAD));
            updates.send("Committing the passages", writer::commit);
            long searchStart = System.nanoTime();
            ProgressSlice densityProgress = new ProgressSlice(progress, WORK_DENSITY);
            SolrLeaveOneOut.Neighbours neighbours = new SolrLeaveOneOut(writer, target, k, n).search(densityProgress);
            long searchEnd = System.nanoTime();
            DensityModel density = DensityModel.build(n, k, i -> neighbours.lists()[i], Progress.NONE);
            writeStatistics(writer, neighbours.ids(), density);
            long statisticsEnd = System.nanoTime();
            densityProgress.done();
            Pca fitted = pca.fit(Math.min(settings.pcaComponents(), Math.min(n - 1, dimension)));
            long calibrationStart = System.nanoTime();
            // the collection's own calibration, as a local index of the corpus has (docs/design.md, Calibration)
            Calibration calibration = SolrCalibration.compute(writer, target, embedder, passages, density,
                    SolrCorpusIndex.hullData(writer, target, n, fitted, neighbours.neighbourDistance()), scratch,
                    settings.threads(), new ProgressSlice(progress, WORK_CALIBRATE));
            long calibrationEnd = System.nanoTime();
            IndexMetadata metadata = new IndexMetadata(IndexMetadata.FORMAT_VERSION, model.modelId(),
                    model.onnxSha256(), model.tokenizerSha256(), dimension, IndexMetadata.SIMILARITY, density.k(), n,
                    corpus.passagesRead(), corpus.sources(), corpus.skipped(), Instant.now().toString(),
                    (System.nanoTime() - start) / 1_000_000, embedded, neighbours.neighbourDistance(),
                    fitted.componentCount());
            SolrInputDocument summary = metadata(metadata, density, fitted, calibration);
            updates.send("Uploading the metadata", () -> writer.add(summary));
            updates.send("Committing", writer::commit);
            return new Generation(embedded, (searchStart - uploadStart) / 1_000_000,
                    (searchEnd - searchStart) / 1_000_000, (statisticsEnd - searchEnd) / 1_000_000,
                    (calibrationEnd - calibrationStart) / 1_000_000);
        }
    }

    /**
     * Embeds and sends the passages a batch at a time; one batch is on the wire while the next is embedded, so the
     * model, not the cluster, sets the pace; folds the unit vectors into {@code pca}. Returns how many passages were
     * embedded.
     */
    private int upload(CloudSolrClient writer, DistinctPassages passages, SolrStoredVectors reusable,
            PcaAccumulator pca,
            ProgressSlice slice) throws NoveltyException, IOException {
        int n = passages.count();
        slice.begin("Embedding and uploading " + n + " passages to the " + address, n);
        int embedded = 0;
        ExecutorService sender = Executors.newSingleThreadExecutor(runnable -> new Thread(runnable, "solr-upload"));
        Future<?> inFlight = CompletableFuture.completedFuture(null);
        try (DistinctPassages.Cursor cursor = passages.cursor()) {
            for (int first = cursor.position(); first < n; first = cursor.position()) {
                slice.checkCanceled();
                List<CorpusPassage> batch = cursor.next(BATCH);
                Map<String, Embedding> vectors = reusable.find(batch);
                List<CorpusPassage> missing = batch.stream().filter(p -> !vectors.containsKey(p.contentHash()))
                        .toList();
                List<Embedding> computed = embedder.embedPassages(missing.stream().map(CorpusPassage::text).toList(),
                        Progress.cancelledWhen(slice::isCanceled));
                for (int i = 0; i < missing.size(); i++) {
                    vectors.put(missing.get(i).contentHash(), computed.get(i));
                }
                embedded += missing.size();
                List<SolrInputDocument> documents = new ArrayList<>(batch.size());
                // the PCA of the unit vectors, the hull readouts' space (docs/design.md, "Convex hull")
                float[] units = new float[batch.size() * pca.dimension()];
                for (int j = 0; j < batch.size(); j++) {
                    Embedding embedding = vectors.get(batch.get(j).contentHash());
                    System.arraycopy(embedding.unit(), 0, units, j * pca.dimension(), pca.dimension());
                    documents.add(document(first + j, batch.get(j), embedding));
                }
                pca.add(new FloatMatrix(batch.size(), pca.dimension(), units));
                BackgroundResult.await(inFlight, "Uploading passages");
                String what = "Uploading passages " + first + "-" + (first + batch.size() - 1);
                inFlight = sender.submit(() -> {
                    updates.send(what, () -> writer.add(documents));
                    return null;
                });
                slice.worked(batch.size());
            }
            BackgroundResult.await(inFlight, "Uploading passages");
        } finally {
            sender.shutdownNow();
        }
        slice.done();
        return embedded;
    }

    private static SolrInputDocument document(int ordinal, CorpusPassage passage, Embedding embedding) {
        SolrInputDocument document = new SolrInputDocument();
        document.addField(SolrFields.ID, passage.contentHash());
        document.addField(SolrFields.ORDINAL, ordinal);
        document.addField(SolrFields.TEXT, passage.text());
        document.addField(SolrFields.SOURCES, SolrFields.sourcesJson(passage.sources()));
        document.addField(SolrFields.VECTOR, SolrFields.vectorValue(embedding.unit()));
        document.addField(SolrFields.RAW_VECTOR, SolrFields.vectorValue(embedding.raw()));
        return document;
    }

    /**
     * Writes each passage's density statistics into its document, {@value #BATCH} at a time with one request in
     * flight while the next is built. In-place updates (docValues only) leave the vectors and their HNSW graphs
     * alone; {@code update.partial.requireInPlace} makes Solr refuse rather than index a whole document again.
     */
    private void writeStatistics(CloudSolrClient writer, String[] ids, DensityModel density) throws NoveltyException {
        progress.subTask("Writing each passage's density statistics");
        for (int first = 0; first < ids.length; first += BATCH) {
            progress.checkCanceled();
            UpdateRequest request = new UpdateRequest();
            request.setParam("update.partial.requireInPlace", "true");
            for (int ordinal = first; ordinal < Math.min(ids.length, first + BATCH); ordinal++) {
                PassageDensity statistics = density.passage(ordinal);
                SolrInputDocument document = new SolrInputDocument();
                document.addField(SolrFields.ID, ids[ordinal]);
                document.addField(SolrFields.K_DISTANCE, Map.of("set", statistics.kDistance()));
                document.addField(SolrFields.LRD, Map.of("set", statistics.lrd()));
                document.addField(SolrFields.PDIST, Map.of("set", statistics.pdist()));
                request.add(document);
            }
            updates.send("Writing the density statistics of passages " + first + "-"
                    + (Math.min(ids.length, first + BATCH) - 1), () -> request.process(writer));
        }
    }

    private static SolrInputDocument metadata(IndexMetadata metadata, DensityModel density, Pca pca,
            Calibration calibration) {
        SolrInputDocument document = new SolrInputDocument();
        document.addField(SolrFields.ID, SolrFields.METADATA_ID);
        document.addField(SolrFields.METADATA, SolrFields.GSON.toJson(metadata));
        // the corpus-wide part only: each passage's statistics are in its document
        DensitySummary summary = density.summary(SolrFields.DENSITY_QUANTILES);
        document.addField(SolrFields.DENSITY, bytes(summary::write));
        document.addField(SolrFields.PCA, bytes(pca::write));
        document.addField(SolrFields.CALIBRATION, bytes(calibration::write));
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

    /**
     * Deletes the replaced generations whose grace period is over (the one just replaced too, when the grace period is
     * zero), and forgets them; a deletion that fails is reported, not thrown: the fill's outcome does not depend on it.
     */
    private void deleteExpired(CloudSolrClient client, String current, Instant now, List<String> deleted,
            List<String> notDeleted) throws SolrServerException, IOException {
        String corpus = address.collection();
        for (String expired : SolrRetiredGenerations.expired(SolrCollections.aliasProperties(client, corpus),
                SolrCollections.leftovers(client, corpus, current), now, times.grace())) {
            if (deleteQuietly(client, expired) == null) {
                SolrRetiredGenerations.forget(client, corpus, expired);
                deleted.add(expired);
            } else {
                notDeleted.add(expired);
            }
        }
    }

    /** Deletes a collection, returning its name when that fails (the fill's outcome does not depend on it). */
    private static String deleteQuietly(CloudSolrClient client, String collection) {
        try {
            SolrCollections.delete(client, collection);
            return null;
        } catch (SolrServerException | IOException | SolrException e) {
            return collection;
        }
    }

    /** The scratch folder, created or emptied of what a killed fill left: only one fill of a corpus runs at a time. */
    private static Path emptied(Path scratch) throws IOException {
        deleteScratch(Files.createDirectories(scratch));
        return scratch;
    }

    /** Deletes the scratch folder's files (the reader writes no folders). */
    private static void deleteScratch(Path scratch) {
        if (scratch == null) {
            return;
        }
        try (var files = Files.list(scratch)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // left in the cache: the next fill of this corpus deletes it
        }
    }
}
