package io.noveltylens.core.index;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.lucene.document.Document;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

import io.noveltylens.core.CoreText;
import io.noveltylens.core.NoveltyException;
import io.noveltylens.core.NoveltyException.Kind;
import io.noveltylens.core.NoveltyException.Remedy;
import io.noveltylens.core.calibration.Calibration;
import io.noveltylens.core.density.DensityModel;
import io.noveltylens.core.embed.ModelFingerprint;
import io.noveltylens.core.hull.ExactLinearOracle;
import io.noveltylens.core.math.FloatMatrix;
import io.noveltylens.core.math.Pca;
import io.noveltylens.core.verbatim.LucenePhraseIndex;
import io.noveltylens.core.verbatim.PhraseIndex;

/**
 * The local corpus index: one Lucene generation (see {@link IndexLayout}) opened read-only. The unit vectors (65k x
 * 384 floats = 100 MB) and their projection on the principal components are read in place from the generation's
 * files mapped into memory, for exact re-scoring and the hull, and closing the index unmaps them; opening never
 * writes, so a shipped index inside an installed plug-in works as it is.
 * <p>
 * A generation of an older format ({@link IndexMetadata#FORMAT_VERSION}) opens too, so that it answers until the
 * front end has rebuilt it: without a calibration (its percentiles are against its passages, as an older
 * SolrCloud collection's), and with the hull data of the unit embeddings computed from its vectors ({@link UnitHullData}).
 * {@link #outdated()} tells the front end to rebuild it.
 */
public final class LuceneCorpusIndex implements CorpusIndex {

    private final Path generation;
    private final IndexMetadata metadata;
    private final Directory directory;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final StoredVectors vectors;
    private final VectorSearch search;
    private final DensityModel density;
    /** Null when the generation has none of this code's format. */
    private final Calibration calibration;
    private final PhraseIndex phrases;
    /** Holds the mapping of the projected corpus while the index is open. */
    private final Arena mappings = Arena.ofShared();
    private volatile HullData hullData;

    private LuceneCorpusIndex(Path generation, IndexMetadata metadata, Directory directory, DirectoryReader reader,
            StoredVectors vectors, DensityModel density, Calibration calibration) {
        this.generation = generation;
        this.metadata = metadata;
        this.directory = directory;
        this.reader = reader;
        this.searcher = new IndexSearcher(reader);
        this.vectors = vectors;
        this.search = new VectorSearch(searcher, vectors);
        this.density = density;
        this.calibration = calibration;
        this.phrases = new LucenePhraseIndex(searcher, LuceneSchema.WORDS);
    }

    /**
     * Opens the current generation under {@code root}, refusing an index built with another model than {@code model}
     * (pass null to open it whatever built it, e.g. to describe it).
     */
    public static LuceneCorpusIndex open(Path root, ModelFingerprint model, int dimension) throws NoveltyException {
        Path generation = currentGeneration(root);
        try {
            return open(root, generation, model, dimension);
        } catch (NoveltyException e) {
            // a rebuild may have published a new generation and deleted this one while we opened it
            Path now = currentGeneration(root);
            if (now.equals(generation)) {
                throw e;
            }
            return open(root, now, model, dimension);
        }
    }

    private static LuceneCorpusIndex open(Path root, Path generation, ModelFingerprint model, int dimension)
            throws NoveltyException {
        IndexMetadata metadata = metadataOf(root, generation);
        if (model != null) {
            metadata.requireBuiltWith(model, dimension, root);
        }
        Directory directory = null;
        DirectoryReader reader = null;
        try {
            directory = FSDirectory.open(generation);
            reader = DirectoryReader.open(directory);
            if (reader.leaves().size() != 1 || reader.maxDoc() != metadata.passages()) {
                throw new CorruptIndexException("expected one segment with " + metadata.passages() + " passages",
                        generation.toString());
            }
            StoredVectors vectors = StoredVectors.of(reader.leaves().get(0).reader(), metadata.dimension());
            DensityModel density;
            try (DataInputStream in = new DataInputStream(
                    new BufferedInputStream(Files.newInputStream(generation.resolve(CorpusFiles.DENSITY)), 1 << 16))) {
                density = DensityModel.read(in);
            }
            Calibration calibration = metadata.olderFormat() ? null : readCalibration(generation);
            return new LuceneCorpusIndex(generation, metadata, directory, reader, vectors, density, calibration);
        } catch (IOException | RuntimeException e) {
            closeQuietly(reader);
            closeQuietly(directory);
            throw damaged(root, e);
        }
    }

    /**
     * The calibration of a generation of this format, or null when it holds one of an older format (format 3
     * generations before the calibration by kind); what an older format would have read as damaged is still damaged.
     */
    private static Calibration readCalibration(Path generation) throws IOException {
        if (!hasCurrentCalibration(generation)) {
            return null;
        }
        try (DataInputStream in = new DataInputStream(
                new BufferedInputStream(Files.newInputStream(generation.resolve(CorpusFiles.CALIBRATION))))) {
            return Calibration.read(in);
        }
    }

    /**
     * Whether the calibration of a generation of this index format is not of an older calibration format; a first
     * word that is no version at all is left to {@link Calibration#read}, which reports the damage.
     */
    static boolean hasCurrentCalibration(Path generation) throws IOException {
        try (DataInputStream in = new DataInputStream(
                Files.newInputStream(generation.resolve(CorpusFiles.CALIBRATION)))) {
            int version = in.readInt();
            return version <= 0 || version >= Calibration.FORMAT_VERSION;
        }
    }

    /** What the index in {@code root} was built from, without opening it; refuses unknown format versions. */
    public static IndexMetadata readMetadata(Path root) throws NoveltyException {
        return metadataOf(root, currentGeneration(root));
    }

    private static IndexMetadata metadataOf(Path root, Path generation) throws NoveltyException {
        IndexMetadata metadata;
        try {
            metadata = IndexMetadata.read(generation);
        } catch (IOException e) {
            throw damaged(root, e);
        }
        if (metadata.formatVersion() < IndexMetadata.OLDEST_FORMAT_VERSION
                || metadata.formatVersion() > IndexMetadata.FORMAT_VERSION) {
            throw new NoveltyException(Kind.INDEX, CoreText.bind(CoreText.LuceneCorpusIndex_formatVersion, root,
                    metadata.formatVersion(), IndexMetadata.OLDEST_FORMAT_VERSION, IndexMetadata.FORMAT_VERSION));
        }
        return metadata;
    }

    private static Path currentGeneration(Path root) throws NoveltyException {
        try {
            return new IndexLayout(root).currentGeneration()
                    .orElseThrow(() -> new NoSuchFileException(root.toString()));
        } catch (NoSuchFileException e) {
            throw new NoveltyException(Kind.INDEX, Remedy.BUILD_INDEX,
                    CoreText.bind(CoreText.LuceneCorpusIndex_missing, root), e);
        } catch (IOException e) {
            throw damaged(root, e);
        }
    }

    private static NoveltyException damaged(Path root, Exception cause) {
        String message = cause instanceof IndexFormatTooOldException || cause instanceof IndexFormatTooNewException
                ? CoreText.LuceneCorpusIndex_otherLucene : CoreText.LuceneCorpusIndex_damaged;
        return new NoveltyException(Kind.INDEX, CoreText.bind(message, root, cause.getMessage()), cause);
    }

    @Override
    public IndexMetadata metadata() {
        return metadata;
    }

    @Override
    public List<Neighbour> nearest(float[] unitQuery, int k) throws NoveltyException {
        if (unitQuery.length != metadata.dimension()) {
            throw new NoveltyException(Kind.BAD_INPUT,
                    CoreText.bind(CoreText.LuceneCorpusIndex_queryDimension, unitQuery.length, metadata.dimension()));
        }
        try {
            VectorSearch.Hits hits = search.nearest(unitQuery, k, -1);
            List<Neighbour> neighbours = new ArrayList<>(hits.docs().length);
            for (int i = 0; i < hits.docs().length; i++) {
                StoredPassage passage = passage(hits.docs()[i]);
                neighbours.add(new Neighbour(i + 1, passage.ordinal(), passage.passageId(), hits.cosines()[i],
                        passage.text(), passage.sources()));
            }
            return neighbours;
        } catch (IOException e) {
            throw damaged(generation, e);
        }
    }

    @Override
    public StoredPassage passage(int ordinal) throws NoveltyException {
        try {
            Document document = searcher.storedFields().document(ordinal);
            return new StoredPassage(ordinal, document.get(LuceneSchema.ID), document.get(LuceneSchema.TEXT),
                    LuceneSchema.sources(document.get(LuceneSchema.SOURCES)));
        } catch (IOException e) {
            throw damaged(generation, e);
        }
    }

    @Override
    public float[] vector(int ordinal) throws NoveltyException {
        try {
            return vectors.unit(ordinal);
        } catch (IOException e) {
            throw damaged(generation, e);
        }
    }

    @Override
    public DensityModel density() {
        return density;
    }

    @Override
    public Optional<Calibration> calibration() {
        return Optional.ofNullable(calibration);
    }

    /**
     * Whether this generation was written by an older format, or holds a calibration of an older one (format 3
     * generations before the calibration by kind): it answers, and a rebuild brings it up to date.
     */
    public boolean outdated() {
        return metadata.olderFormat() || calibration == null;
    }

    @Override
    public PhraseIndex phrases() {
        return phrases;
    }

    @Override
    public HullData hullData() throws NoveltyException {
        HullData loaded = hullData;
        if (loaded == null) {
            synchronized (this) {
                loaded = hullData;
                if (loaded == null) {
                    try {
                        loaded = metadata.olderFormat()
                                ? UnitHullData.compute(vectors.units(), search, metadata.pcaComponents())
                                : storedHullData();
                    } catch (IOException e) {
                        throw damaged(generation, e);
                    }
                    hullData = loaded;
                }
            }
        }
        return loaded;
    }

    private HullData storedHullData() throws IOException {
        try (DataInputStream in = new DataInputStream(
                new BufferedInputStream(Files.newInputStream(generation.resolve(CorpusFiles.PCA))))) {
            Pca pca = Pca.read(in);
            FloatMatrix projected = MatrixFile.map(generation.resolve(CorpusFiles.PROJECTED), mappings);
            FloatMatrix units = vectors.units();
            units.preload();
            projected.preload();
            return new HullData(new ExactLinearOracle(units), pca, new ExactLinearOracle(projected),
                    metadata.neighbourDistance());
        }
    }

    @Override
    public void close() {
        closeQuietly(reader);
        closeQuietly(directory);
        closeQuietly(mappings);
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable != null) {
            try {
                closeable.close();
            } catch (Exception e) {
                // nothing left to do with a reader that fails to close
            }
        }
    }
}
