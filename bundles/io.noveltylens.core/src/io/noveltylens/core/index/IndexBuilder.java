package io.noveltylens.core.index;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

import io.noveltylens.core.BackgroundResult;
import io.noveltylens.core.CoreText;
import io.noveltylens.core.NoveltyException;
import io.noveltylens.core.Progress;
import io.noveltylens.core.ProgressSlice;
import io.noveltylens.core.calibration.Calibration;
import io.noveltylens.core.calibration.ReferenceUnit;
import io.noveltylens.core.corpus.CorpusPassage;
import io.noveltylens.core.corpus.CorpusReadResult;
import io.noveltylens.core.corpus.CorpusReader;
import io.noveltylens.core.corpus.DistinctPassages;
import io.noveltylens.core.corpus.PassageSplitter;
import io.noveltylens.core.corpus.Provenance;
import io.noveltylens.core.corpus.SkippedSource;
import io.noveltylens.core.corpus.SourceFilter;
import io.noveltylens.core.corpus.SourceDigest;
import io.noveltylens.core.density.DensityModel;
import io.noveltylens.core.embed.Embedder;
import io.noveltylens.core.embed.Embedding;
import io.noveltylens.core.embed.ModelFingerprint;
import io.noveltylens.core.hull.ExactLinearOracle;
import io.noveltylens.core.density.NeighbourList;
import io.noveltylens.core.math.FloatMatrix;
import io.noveltylens.core.math.Pca;
import io.noveltylens.core.verbatim.VerbatimAnalyzer;

/**
 * Builds a corpus index: reads the sources, embeds what the embedding cache lacks, writes a Lucene HNSW index with
 * the passages and their provenance, and precomputes what makes a query cost one kNN search (leave-one-out density
 * statistics, PCA of the corpus). Everything is written into a new generation that becomes current only when
 * complete (see {@link IndexLayout}); a failure, a cancellation or a kill leaves the previous index as it was, and
 * the embeddings computed so far in the cache, so that the next run embeds only what is missing.
 */
public final class IndexBuilder {

    /** Passages embedded between two flushes of the embedding cache: a kill loses at most this much work. */
    private static final int EMBED_CHUNK = 256;
    /** Passages whose texts are read back at once to find and embed the missing ones (a few MB of text). */
    private static final int EMBED_WINDOW = 16 * EMBED_CHUNK;
    /** Passages read back at once to write their documents; cancellation is checked between batches. */
    private static final int WRITE_BATCH = 512;
    private static final int WORK_READ = 50;
    private static final int WORK_EMBED = 700;
    private static final int WORK_WRITE = 100;
    private static final int WORK_DENSITY = 100;
    private static final int WORK_PCA = 50;
    private static final int WORK_CALIBRATE = 150;

    private final Embedder embedder;
    private final IndexSettings settings;

    public IndexBuilder(Embedder embedder, IndexSettings settings) {
        this.embedder = embedder;
        this.settings = settings;
    }

    /**
     * Builds (or incrementally rebuilds) the index in {@code indexRoot} from {@code sources}. Sources under the folder
     * that contains {@code indexRoot} are recorded relative to it, so that an index can ship beside its corpus.
     */
    public IndexMetadata build(List<Path> sources, Path indexRoot, Progress progress) throws NoveltyException {
        long start = System.nanoTime();
        progress.begin(CoreText.IndexBuilder_building, WORK_READ + WORK_EMBED + WORK_WRITE + WORK_DENSITY + WORK_PCA
                + WORK_CALIBRATE);
        IndexLayout layout = new IndexLayout(indexRoot);
        // recorded in the index: hashed from the files as they are, never a digest remembered by file stamps
        ModelFingerprint model = BackgroundResult.await(embedder.verifiedFingerprint(), "Fingerprinting the model");
        int dimension = embedder.model().dimension();
        Path reading = null;
        Path generation = null;
        // locked before reading: the corpus's texts are read into a scratch folder inside the index folder
        FileChannel lock = lockForWriting(layout);
        try (lock) {
            reading = layout.createReadingFolder();
            try (CorpusReadResult corpus = new CorpusReader(new PassageSplitter(settings.maxPassageWords()),
                    settings.maxFileBytes(), settings.filter()).read(sources, reading,
                            new ProgressSlice(progress, WORK_READ))) {
                DistinctPassages passages = corpus.passages();
                List<SourceDigest> sourceDigests = corpus.sources().stream()
                        .map(d -> new SourceDigest(SourcePaths.record(indexRoot, d.source()), d.sha256(), d.passages()))
                        .toList();
                List<SkippedSource> skipped = corpus.skipped().stream()
                        .map(k -> new SkippedSource(SourcePaths.record(indexRoot, k.source()), k.reason(), k.detail()))
                        .toList();
                IndexMetadata current = currentIfUpToDate(layout, model, dimension, sourceDigests);
                if (current != null) {
                    progress.subTask(CoreText.IndexBuilder_upToDate);
                    return current;
                }
                corpus.requireTwoPassages();
                int k = effectiveK(passages.count());
                List<ReferenceUnit> references = CalibrationBuilder.referenceUnits(passages, k);
                try (EmbeddingCache cache = EmbeddingCache.open(layout.embeddingCache(model.onnxSha256()), dimension);
                        EmbeddingCache referenceCache = EmbeddingCache.open(layout.calibrationCache(model.onnxSha256()),
                                dimension)) {
                    int embedded = embedMissing(passages, cache, new ProgressSlice(progress, WORK_EMBED));
                    generation = layout.createTemporaryGeneration();
                    StoredVectors vectors = StoredVectors.of(passages, cache, dimension);
                    writeLucene(generation, passages, vectors, indexRoot, new ProgressSlice(progress, WORK_WRITE));
                    Density density = writeDensity(generation, vectors, new ProgressSlice(progress, WORK_DENSITY));
                    Pca pca = writePca(generation, vectors, new ProgressSlice(progress, WORK_PCA));
                    writeCalibration(generation, references, referenceCache, vectors, density.model(), pca,
                            new ProgressSlice(progress, WORK_CALIBRATE));
                    IndexMetadata metadata = new IndexMetadata(IndexMetadata.FORMAT_VERSION, model.modelId(),
                            model.onnxSha256(), model.tokenizerSha256(), dimension, IndexMetadata.SIMILARITY, k,
                            passages.count(), corpus.passagesRead(), sourceDigests, skipped, Instant.now().toString(),
                            (System.nanoTime() - start) / 1_000_000, embedded, density.medianNearestDistance(),
                            pca.componentCount());
                    metadata.write(generation);
                    progress.checkCanceled();
                    layout.publish(generation);
                    generation = null;
                    compact(cache, passages::contains, indexRoot);
                    compact(referenceCache, CalibrationBuilder.cacheKeys(references)::contains, indexRoot);
                    return metadata;
                }
            }
        } catch (IOException e) {
            throw new NoveltyException(NoveltyException.Kind.IO,
                    CoreText.bind(CoreText.IndexBuilder_writeFailed, indexRoot, e.getMessage()), e);
        } finally {
            deleteQuietly(generation);
            deleteQuietly(reading);
        }
    }

    /**
     * Rebuilds the index in {@code indexRoot} from the files it records and with its k: an index records every file
     * it read, so the same files make the same corpus, and the passages its embedding cache holds are not embedded
     * again. This brings an index of an older format up to date when no front end knows its corpus (a folder built
     * on the command line). Refused when a recorded file is gone; the index stays as it was until the new generation
     * is complete.
     */
    public static IndexMetadata rebuild(Embedder embedder, Path indexRoot, Progress progress)
            throws NoveltyException {
        IndexMetadata recorded = LuceneCorpusIndex.readMetadata(indexRoot);
        return new IndexBuilder(embedder, IndexSettings.defaults().with(recorded.k(), SourceFilter.ALL))
                .build(SourcePaths.recorded(indexRoot, recorded), indexRoot, progress);
    }

    /**
     * Drops the vectors no longer needed from a cache: passages no longer in the corpus, reference units no longer
     * drawn. It runs after the new index is published, so its failure must not say the previous index is still there.
     */
    private static void compact(EmbeddingCache cache, Predicate<String> live, Path indexRoot) throws NoveltyException {
        try {
            cache.retainOnly(live);
        } catch (IOException e) {
            throw new NoveltyException(NoveltyException.Kind.IO,
                    CoreText.bind(CoreText.IndexBuilder_compactFailed, indexRoot, e.getMessage()), e);
        }
    }

    /**
     * The current generation when it was built by this code's format, this model and these settings from sources
     * with the same content: rebuilding it would produce the same index, so a warm build is a no-op.
     */
    private IndexMetadata currentIfUpToDate(IndexLayout layout, ModelFingerprint model, int dimension,
            List<SourceDigest> sources) {
        try {
            var generation = layout.currentGeneration();
            if (generation.isEmpty()) {
                return null;
            }
            IndexMetadata current = IndexMetadata.read(generation.get());
            boolean same = current.formatVersion() == IndexMetadata.FORMAT_VERSION
                    && LuceneCorpusIndex.hasCurrentCalibration(generation.get())
                    && current.builtWith(model, dimension) && current.sources().equals(sources)
                    && current.k() == effectiveK(current.passages())
                    && current.pcaComponents() == Math.min(settings.pcaComponents(),
                            Math.min(current.passages() - 1, dimension));
            return same ? current : null;
        } catch (IOException e) {
            return null; // unreadable: rebuild it
        }
    }

    private static FileChannel lockForWriting(IndexLayout layout) throws NoveltyException {
        try {
            FileChannel lock = layout.lockForWriting();
            if (lock == null) {
                throw new NoveltyException(NoveltyException.Kind.INDEX,
                        CoreText.bind(CoreText.IndexBuilder_locked, layout.root()));
            }
            return lock;
        } catch (IOException e) {
            throw new NoveltyException(NoveltyException.Kind.IO,
                    CoreText.bind(CoreText.IndexBuilder_lockFailed, layout.root(), e.getMessage()), e);
        }
    }

    private int effectiveK(int passages) {
        return Math.min(settings.k(), passages - 1);
    }

    /** A passage the embedding cache lacks. */
    private record Missing(String contentHash, String text) {
    }

    /**
     * Embeds the passages the cache lacks, reading their texts back a window at a time. Sorting a window by length
     * makes batches of similar length: less padding, and chunks that finish at a steady pace.
     */
    private int embedMissing(DistinctPassages passages, EmbeddingCache cache, ProgressSlice progress)
            throws NoveltyException, IOException {
        BitSet uncached = new BitSet(passages.count());
        for (int i = 0; i < passages.count(); i++) {
            uncached.set(i, cache.get(passages.contentHash(i)) == null);
        }
        int missing = uncached.cardinality();
        progress.begin(CoreText.bind(CoreText.IndexBuilder_embedding, missing, passages.count()), missing);
        if (missing > 0) {
            try (DistinctPassages.Cursor cursor = passages.cursor()) {
                for (int first = 0; first < passages.count(); first += EMBED_WINDOW) {
                    List<String> texts = cursor.nextTexts(EMBED_WINDOW);
                    List<Missing> window = new ArrayList<>();
                    for (int i = 0; i < texts.size(); i++) {
                        if (uncached.get(first + i)) {
                            window.add(new Missing(passages.contentHash(first + i), texts.get(i)));
                        }
                    }
                    window.sort(Comparator.comparingInt(p -> p.text().length()));
                    embedInChunks(window, cache, progress);
                }
            }
        }
        progress.done();
        return missing;
    }

    private void embedInChunks(List<Missing> missing, EmbeddingCache cache, ProgressSlice progress)
            throws NoveltyException, IOException {
        for (int from = 0; from < missing.size(); from += EMBED_CHUNK) {
            progress.checkCanceled();
            List<Missing> chunk = missing.subList(from, Math.min(missing.size(), from + EMBED_CHUNK));
            ProgressSlice chunkProgress = new ProgressSlice(progress, chunk.size());
            List<Embedding> embeddings = embedder.embedPassages(chunk.stream().map(Missing::text).toList(),
                    chunkProgress);
            chunkProgress.done();
            Map<String, float[]> computed = new LinkedHashMap<>();
            for (int i = 0; i < chunk.size(); i++) {
                computed.put(chunk.get(i).contentHash(), embeddings.get(i).raw());
            }
            cache.putAll(computed);
        }
    }

    private void writeLucene(Path generation, DistinctPassages passages, StoredVectors vectors, Path indexRoot,
            ProgressSlice progress) throws IOException {
        progress.begin(CoreText.IndexBuilder_writingHnsw, passages.count());
        IndexWriterConfig config = new IndexWriterConfig(VerbatimAnalyzer.create())
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
                // one flush, one segment: document id = vector ordinal = position in the stored matrices
                .setRAMBufferSizeMB(2048)
                .setUseCompoundFile(false);
        try (Directory directory = FSDirectory.open(generation);
                IndexWriter writer = new IndexWriter(directory, config);
                DistinctPassages.Cursor cursor = passages.cursor()) {
            for (int first = cursor.position(); first < passages.count(); first = cursor.position()) {
                progress.checkCanceled();
                List<CorpusPassage> batch = cursor.next(WRITE_BATCH);
                for (int j = 0; j < batch.size(); j++) {
                    CorpusPassage passage = batch.get(j);
                    List<Provenance> sources = passage.sources().stream()
                            .map(p -> new Provenance(SourcePaths.record(indexRoot, p.source()), p.startOffset(),
                                    p.endOffset(), p.line()))
                            .toList();
                    writer.addDocument(LuceneSchema.document(passage, sources, vectors.unit(first + j),
                            vectors.norm(first + j)));
                }
                progress.worked(batch.size());
            }
            writer.forceMerge(1);
            writer.commit();
        }
        progress.done();
    }

    /**
     * The density model and the median distance from a passage to its nearest other passage (unit embeddings: the
     * space of the hull readouts, whose distances are shown as multiples of it).
     */
    private record Density(DensityModel model, double medianNearestDistance) {
    }

    /** Leave-one-out kNN of every passage, for the density model. */
    private Density writeDensity(Path generation, StoredVectors vectors, ProgressSlice progress) throws IOException {
        int n = vectors.count();
        int k = effectiveK(n);
        progress.begin(CoreText.IndexBuilder_density, 2 * n);
        NeighbourList[] neighbours = new NeighbourList[n];
        double[] nearest = new double[n];
        try (Directory directory = FSDirectory.open(generation);
                DirectoryReader reader = DirectoryReader.open(directory)) {
            VectorSearch search = new VectorSearch(new IndexSearcher(reader), vectors);
            ParallelPasses.run(n, settings.threads(), progress, "Neighbour search", i -> {
                VectorSearch.Hits hits = search.nearest(vectors.unit(i), k, i);
                float[] distances = new float[hits.docs().length];
                for (int j = 0; j < distances.length; j++) {
                    distances[j] = hits.distance(j);
                }
                neighbours[i] = new NeighbourList(hits.docs(), distances);
                nearest[i] = hits.distance(0);
            });
        }
        progress.checkCanceled();
        DensityModel density = DensityModel.build(n, k, i -> neighbours[i], progress);
        try (DataOutputStream out = new DataOutputStream(
                new BufferedOutputStream(Files.newOutputStream(generation.resolve(CorpusFiles.DENSITY)), 1 << 16))) {
            density.write(out);
        }
        progress.done();
        Arrays.sort(nearest);
        return new Density(density, nearest[n / 2]);
    }

    /** PCA of the unit embeddings, where the hull readouts are computed: a raw vector's norm tracks its length. */
    private Pca writePca(Path generation, StoredVectors vectors, ProgressSlice progress) throws IOException {
        FloatMatrix units = vectors.units();
        int components = Math.min(settings.pcaComponents(), Math.min(units.rows() - 1, units.cols()));
        Pca pca = Pca.fit(units, components, progress);
        try (DataOutputStream out = new DataOutputStream(
                new BufferedOutputStream(Files.newOutputStream(generation.resolve(CorpusFiles.PCA))))) {
            pca.write(out);
        }
        MatrixFile.write(pca.projectAll(units, components), generation.resolve(CorpusFiles.PROJECTED));
        progress.done();
        return pca;
    }

    private void writeCalibration(Path generation, List<ReferenceUnit> references, EmbeddingCache cache,
            StoredVectors vectors, DensityModel density, Pca pca, ProgressSlice progress)
            throws IOException, NoveltyException {
        FloatMatrix projected = MatrixFile.read(generation.resolve(CorpusFiles.PROJECTED));
        Calibration calibration;
        try (Directory directory = FSDirectory.open(generation);
                DirectoryReader reader = DirectoryReader.open(directory)) {
            IndexSearcher searcher = new IndexSearcher(reader);
            VectorSearch search = new VectorSearch(searcher, vectors);
            calibration = new CalibrationBuilder(embedder, cache, search::leavingOut, density,
                    new ExactLinearOracle(vectors.units()), pca, new ExactLinearOracle(projected),
                    ordinal -> searcher.storedFields().document(ordinal).get(LuceneSchema.TEXT), settings.threads())
                    .build(references, progress);
        }
        try (DataOutputStream out = new DataOutputStream(
                new BufferedOutputStream(Files.newOutputStream(generation.resolve(CorpusFiles.CALIBRATION))))) {
            calibration.write(out);
        }
        progress.done();
    }

    private static void deleteQuietly(Path temporary) {
        if (temporary == null) {
            return;
        }
        try {
            IndexLayout.deleteRecursively(temporary);
        } catch (IOException e) {
            // the next build removes leftover temporary folders
        }
    }
}
