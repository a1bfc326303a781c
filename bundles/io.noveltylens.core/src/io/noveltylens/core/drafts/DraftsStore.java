package io.noveltylens.core.drafts;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.noveltylens.core.CoreText;
import io.noveltylens.core.NoveltyException;
import io.noveltylens.core.Progress;
import io.noveltylens.core.ProgressSlice;
import io.noveltylens.core.corpus.CorpusReader;
import io.noveltylens.core.corpus.Passage;
import io.noveltylens.core.corpus.PassageSplitter;
import io.noveltylens.core.corpus.SkippedSource;
import io.noveltylens.core.corpus.TextNormalization;
import io.noveltylens.core.embed.Embedder;
import io.noveltylens.core.embed.Embedding;
import io.noveltylens.core.index.EmbeddingCache;
import io.noveltylens.core.index.IndexSettings;
import io.noveltylens.core.index.Neighbour;

/**
 * The writer's own drafts as a second corpus: the passages of the files of one folder, cut as an index build cuts a
 * corpus (so their offsets land in the files), with their embeddings, kept up to date file by file. A file is read
 * again only when its bytes changed, a passage embedded only when no embedding of its text exists (the embedding
 * cache of index builds, keyed by content hash), a deleted file dropped. Opening embeds nothing.
 * <p>
 * A folder holds the store: {@code drafts.json} (the files, their digests and passages, replaced whole on each update)
 * and the embedding cache of the model (append-only, each record checked), so a crash or a cancelled update keeps the
 * previous list and every embedding already computed (docs/design.md, The writer's drafts). Updates are serialised;
 * searches run concurrently with them on the last complete state.
 */
public final class DraftsStore implements AutoCloseable {

    /** Texts embedded per call: small enough to see a cancellation within a second on two cores. */
    private static final int EMBED_CHUNK = 64;
    private static final int WORK_READ = 20;
    private static final int WORK_EMBED = 80;

    private final Path directory;
    private final Embedder embedder;
    private final CorpusReader reader;
    private final EmbeddingCache cache;
    /** By absolute path, sorted: guarded by this. */
    private final Map<String, DraftFile> files = new TreeMap<>();
    private String root;
    private volatile DraftVectors vectors;

    private DraftsStore(Path directory, Embedder embedder, EmbeddingCache cache, DraftsManifest manifest) {
        this.directory = directory;
        this.embedder = embedder;
        IndexSettings settings = IndexSettings.defaults();
        this.reader = new CorpusReader(new PassageSplitter(settings.maxPassageWords()), settings.maxFileBytes());
        this.cache = cache;
        this.root = manifest.root();
        manifest.files().forEach(file -> files.put(file.path(), file));
        this.vectors = DraftVectors.of(files.values(), cache);
    }

    /**
     * Opens the store in {@code directory} (created when missing) for {@code embedder}'s model, reading what is there
     * and embedding nothing: passages embedded by another model are absent from the neighbours until an update.
     */
    public static DraftsStore open(Path directory, Embedder embedder) throws NoveltyException {
        try {
            Files.createDirectories(directory);
            EmbeddingCache cache = EmbeddingCache.open(
                    directory.resolve("embeddings-" + embedder.fingerprint().onnxSha256() + ".bin"),
                    embedder.model().dimension());
            return new DraftsStore(directory, embedder, cache, DraftsManifest.read(directory));
        } catch (IOException e) {
            throw new NoveltyException(NoveltyException.Kind.IO,
                    CoreText.bind(CoreText.DraftsStore_unreadable, directory, e.getMessage()), e);
        }
    }

    /** Whether {@code directory} holds a drafts store (an update has completed there). */
    public static boolean exists(Path directory) {
        return Files.isRegularFile(directory.resolve(DraftsManifest.FILE_NAME));
    }

    /** Brings the store up to date with every file of {@code folder}: what an update after a start or a move does. */
    public synchronized DraftsUpdate updateAll(Path folder, Progress progress) throws NoveltyException {
        Path absolute = folder.toAbsolutePath().normalize();
        List<Path> listed = reader.sourceFiles(List.of(absolute), new ArrayList<>());
        Set<String> present = new HashSet<>();
        listed.forEach(file -> present.add(file.toString()));
        List<String> gone = files.keySet().stream().filter(path -> !present.contains(path)).toList();
        return apply(absolute, listed, gone, progress);
    }

    /**
     * Brings the store up to date with the files in {@code changed} (added, saved, deleted or moved away) of
     * {@code folder}, without listing the folder; the first update of a folder lists it all, as {@link #updateAll}.
     */
    public synchronized DraftsUpdate update(Path folder, Collection<Path> changed, Progress progress)
            throws NoveltyException {
        Path absolute = folder.toAbsolutePath().normalize();
        if (!absolute.toString().equals(root)) {
            return updateAll(folder, progress);
        }
        List<Path> toRead = new ArrayList<>();
        List<String> gone = new ArrayList<>();
        for (Path file : changed) {
            Path path = file.toAbsolutePath().normalize();
            if (belongs(absolute, path)) {
                toRead.add(path);
            } else if (files.containsKey(path.toString())) {
                gone.add(path.toString());
            }
        }
        return apply(absolute, toRead, gone, progress);
    }

    /**
     * A file an update of {@code folder} reads: a regular file the corpus reader reads (a text format), with no hidden
     * folder on its way, as when the folder is listed.
     */
    private static boolean belongs(Path folder, Path file) {
        if (!file.startsWith(folder) || !Files.isRegularFile(file)
                || !CorpusReader.hasTextFormat(file.getFileName().toString())) {
            return false;
        }
        for (Path name : folder.relativize(file)) {
            if (name.toString().startsWith(".")) {
                return false;
            }
        }
        return true;
    }

    private DraftsUpdate apply(Path folder, List<Path> candidates, List<String> gone, Progress progress)
            throws NoveltyException {
        long start = System.nanoTime();
        progress.begin(CoreText.bind(CoreText.DraftsStore_updating, folder), WORK_READ + WORK_EMBED);
        Map<String, DraftFile> read = readChanged(candidates, gone, new ProgressSlice(progress, WORK_READ));
        Map<String, DraftFile> next = new TreeMap<>(files);
        gone.forEach(next::remove);
        next.putAll(read);
        ProgressSlice embedding = new ProgressSlice(progress, WORK_EMBED);
        int embedded = embedMissing(next.values(), embedding);
        embedding.done();
        try {
            // a save that changed no byte (or a touch) leaves the files as they were: nothing to write
            if (!read.isEmpty() || !gone.isEmpty() || !folder.toString().equals(root)) {
                new DraftsManifest(DraftsManifest.FORMAT, folder.toString(), List.copyOf(next.values()))
                        .write(directory);
                compact(next.values());
            }
        } catch (IOException e) {
            throw new NoveltyException(NoveltyException.Kind.IO,
                    CoreText.bind(CoreText.DraftsStore_unwritable, directory, e.getMessage()), e);
        }
        files.clear();
        files.putAll(next);
        root = folder.toString();
        vectors = DraftVectors.of(files.values(), cache);
        return new DraftsUpdate(read.size(), gone.size(), embedded, files.size(), passages(files.values()),
                (System.nanoTime() - start) / 1_000_000);
    }

    /**
     * The candidates whose bytes differ from what the store read last, read again; a file that cannot be read any more
     * joins {@code gone}.
     */
    private Map<String, DraftFile> readChanged(List<Path> candidates, List<String> gone, ProgressSlice progress) {
        progress.begin(CoreText.DraftsStore_reading, candidates.size());
        Map<String, DraftFile> read = new LinkedHashMap<>();
        for (Path file : candidates) {
            progress.checkCanceled();
            String path = file.toString();
            String digest = digest(file);
            DraftFile known = files.get(path);
            if (digest == null) {
                if (known != null) {
                    gone.add(path);
                }
            } else if (known == null || !known.sha256().equals(digest)) {
                read.put(path, new DraftFile(path, digest, passages(file)));
            }
            progress.worked(1);
        }
        progress.done();
        return read;
    }

    private List<DraftPassage> passages(Path file) {
        List<DraftPassage> passages = new ArrayList<>();
        for (Passage passage : reader.passages(file, new ArrayList<SkippedSource>())) {
            String text = TextNormalization.collapseWhitespace(passage.text());
            passages.add(new DraftPassage(text, TextNormalization.sha256(text), passage.provenance().startOffset(),
                    passage.provenance().endOffset(), passage.provenance().line()));
        }
        return passages;
    }

    /** The SHA-256 of the file's bytes, or null when it cannot be read (deleted since it was reported). */
    private static String digest(Path file) {
        MessageDigest digest = sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            return null;
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /**
     * Embeds the distinct passage texts the cache lacks, shortest first (less padding), a chunk at a time, each chunk
     * stored at once: a cancelled update keeps what it embedded.
     */
    private int embedMissing(Collection<DraftFile> all, ProgressSlice progress) throws NoveltyException {
        Map<String, String> missing = new LinkedHashMap<>();
        for (DraftFile file : all) {
            for (DraftPassage passage : file.passages()) {
                if (cache.get(passage.contentHash()) == null) {
                    missing.putIfAbsent(passage.contentHash(), passage.text());
                }
            }
        }
        progress.begin(CoreText.bind(CoreText.DraftsStore_embedding, missing.size()), missing.size());
        List<Map.Entry<String, String>> texts = new ArrayList<>(missing.entrySet());
        texts.sort(Comparator.comparingInt(entry -> entry.getValue().length()));
        for (int from = 0; from < texts.size(); from += EMBED_CHUNK) {
            progress.checkCanceled();
            List<Map.Entry<String, String>> chunk = texts.subList(from, Math.min(texts.size(), from + EMBED_CHUNK));
            ProgressSlice chunkProgress = new ProgressSlice(progress, chunk.size());
            List<Embedding> embeddings = embedder.embedPassages(chunk.stream().map(Map.Entry::getValue).toList(),
                    chunkProgress);
            chunkProgress.done();
            Map<String, float[]> computed = new LinkedHashMap<>();
            for (int i = 0; i < chunk.size(); i++) {
                computed.put(chunk.get(i).getKey(), embeddings.get(i).raw());
            }
            try {
                cache.putAll(computed);
            } catch (IOException e) {
                throw new NoveltyException(NoveltyException.Kind.IO,
                        CoreText.bind(CoreText.DraftsStore_unwritable, directory, e.getMessage()), e);
            }
        }
        return missing.size();
    }

    /**
     * Rewrites the embedding cache without the texts no draft holds any more once they outnumber the live ones: each
     * save of a paragraph leaves its old version behind, and rewriting the cache on every save would cost more than
     * the dead records (which also make undoing an edit free).
     */
    private void compact(Collection<DraftFile> all) throws IOException {
        Set<String> live = new HashSet<>();
        all.forEach(file -> file.passages().forEach(passage -> live.add(passage.contentHash())));
        if (cache.size() > 2 * live.size() + EMBED_CHUNK) {
            cache.retainOnly(live::contains);
        }
    }

    private static int passages(Collection<DraftFile> all) {
        return all.stream().mapToInt(file -> file.passages().size()).sum();
    }

    /**
     * The {@code k} draft passages nearest the unit vector {@code query} by exact cosine, best first, without the
     * analysed passage itself; the sources of each are the draft files and places where its text occurs.
     */
    public List<Neighbour> nearest(float[] query, int k, AnalysedPassage analysed) {
        return vectors.nearest(query, k, analysed);
    }

    /** The distinct passages a search looks at now. */
    public int size() {
        return vectors.size();
    }

    /** The folder of the last update, or null before the first one. */
    public synchronized Path folder() {
        return root == null ? null : Path.of(root);
    }

    @Override
    public synchronized void close() throws NoveltyException {
        try {
            cache.close();
        } catch (IOException e) {
            throw new NoveltyException(NoveltyException.Kind.IO,
                    CoreText.bind(CoreText.DraftsStore_unwritable, directory, e.getMessage()), e);
        }
    }
}
