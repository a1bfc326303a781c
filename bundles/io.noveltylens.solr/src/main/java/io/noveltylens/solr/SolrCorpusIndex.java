package io.noveltylens.solr;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.SolrRequest;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.impl.CloudSolrClient;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrDocumentList;
import org.apache.solr.common.SolrException;

import com.google.gson.JsonParseException;

import io.noveltylens.core.NoveltyException;
import io.noveltylens.core.NoveltyException.Kind;
import io.noveltylens.core.calibration.Calibration;
import io.noveltylens.core.density.DensityModel;
import io.noveltylens.core.density.DensityScorer;
import io.noveltylens.core.density.DensitySummary;
import io.noveltylens.core.embed.ModelFingerprint;
import io.noveltylens.core.hull.PrincipalComponentOracle;
import io.noveltylens.core.index.CorpusIndex;
import io.noveltylens.core.index.HnswCandidates;
import io.noveltylens.core.index.HullData;
import io.noveltylens.core.index.IndexMetadata;
import io.noveltylens.core.index.Neighbour;
import io.noveltylens.core.index.StoredPassage;
import io.noveltylens.core.math.Pca;
import io.noveltylens.core.verbatim.PhraseIndex;

/**
 * A corpus in a SolrCloud collection (filled by {@link SolrCorpusFiller}), read from the generation its alias named
 * when it was opened. Neighbours come from Solr's {@code {!knn}} query on every shard, re-scored with the exact dot
 * product of the returned unit vectors; density from each hit's statistics, returned with it, and the corpus-wide
 * summary read once on open (a table of quantiles, whatever the corpus's size: {@link SolrDensityScorer});
 * verbatim overlap from phrase queries on the text field; the hull readouts from the same solvers as locally, whose
 * maximisations over the corpus are maximum-inner-product searches on the unit vectors ({@link SolrLinearOracle}), with
 * the PCA stored with them, and which report their lower bounds as not certified.
 */
public final class SolrCorpusIndex implements CorpusIndex {

    /** Vectors of recent neighbours kept for {@link #vector(int)} (the analysis asks for them right after a search). */
    private static final int VECTOR_CACHE = 1024;

    /** The generation this index reads, and the corpus (its alias) as opened. */
    private final SolrAddress address;
    private final SolrAddress corpus;
    private final CloudSolrClient client;
    private final IndexMetadata metadata;
    private final DensityScorer density;
    /** Keeps the statistics that come with the hits; null for a layout 2 collection, whose hits carry none. */
    private final SolrDensityScorer perHitStatistics;
    private final HullData hullData;
    /** Null for a collection of a layout before {@link SolrFields#CALIBRATED_LAYOUT}. */
    private final Calibration calibration;
    private final PhraseIndex phrases;
    private final Map<Integer, float[]> recentVectors = new LinkedHashMap<>(VECTOR_CACHE, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, float[]> eldest) {
            return size() > VECTOR_CACHE;
        }
    };

    private SolrCorpusIndex(SolrAddress address, SolrAddress corpus, CloudSolrClient client, IndexMetadata metadata,
            DensityScorer density, Pca pca, Calibration calibration) {
        this.address = address;
        this.corpus = corpus;
        this.client = client;
        this.metadata = metadata;
        this.density = density;
        this.perHitStatistics = density instanceof SolrDensityScorer perHit ? perHit : null;
        this.phrases = new SolrPhraseIndex(client);
        this.hullData = hullData(client, address, metadata.passages(), pca, metadata.neighbourDistance());
        this.calibration = calibration;
    }

    /**
     * The hull readouts' oracles over the {@code passages} unit vectors of the collection at {@code address}: those of
     * its queries, and of its calibration at fill time.
     */
    static HullData hullData(CloudSolrClient client, SolrAddress address, int passages, Pca pca,
            double neighbourDistance) {
        // the PCA's total variance is the trace of the covariance (divided by N - 1): the mean squared distance from
        // the mean times N / (N - 1)
        SolrLinearOracle units = new SolrLinearOracle(client, address, passages, pca.dimension(),
                Math.sqrt(pca.totalVariance() * (passages - 1) / Math.max(passages, 1)));
        return new HullData(units, pca, new PrincipalComponentOracle(units, pca, pca.componentCount()),
                neighbourDistance);
    }

    /**
     * Opens the collection, refusing one filled from a corpus embedded with another model than {@code model} (pass
     * null to open it whatever built it), one whose upload did not finish, and one of another format version.
     */
    public static SolrCorpusIndex open(SolrAddress address, ModelFingerprint model, int dimension)
            throws NoveltyException {
        SolrAddress pinned = generation(address);
        CloudSolrClient client = pinned.connect();
        try {
            SolrDocumentList found = SolrReads.query(client, new SolrQuery(SolrFields.ID + ":" + SolrFields.METADATA_ID)
                    .setFields(SolrFields.METADATA, SolrFields.DENSITY, SolrFields.PCA, SolrFields.LAYOUT,
                            SolrFields.CALIBRATION))
                    .getResults();
            if (found.isEmpty()) {
                throw new NoveltyException(Kind.INDEX, "The " + address + " holds no complete Novelty Lens corpus "
                        + "(created but never filled). Fill it with "
                        + "'novelty index --corpus PATH --collection " + address.collection() + " --solr|--zk ...'.");
            }
            SolrDocument summary = found.get(0);
            int layout = checkLayout(address, summary);
            IndexMetadata metadata = checked(address, SolrFields.GSON.fromJson(
                    (String) summary.getFirstValue(SolrFields.METADATA), IndexMetadata.class), model, dimension);
            DataInputStream densityBytes = new DataInputStream(
                    new ByteArrayInputStream(bytes(summary.getFirstValue(SolrFields.DENSITY))));
            // layout 2 kept every passage's statistics in the metadata document: it answers as it did, O(N) in memory
            DensityScorer density = layout == SolrFields.OLDEST_READ_LAYOUT ? DensityModel.read(densityBytes)
                    : new SolrDensityScorer(client, pinned, DensitySummary.read(densityBytes));
            Pca pca = Pca
                    .read(new DataInputStream(new ByteArrayInputStream(bytes(summary.getFirstValue(SolrFields.PCA)))));
            long passages = SolrReads.query(client, new SolrQuery(SolrFields.ORDINAL + ":[* TO *]").setRows(0))
                    .getResults().getNumFound();
            if (passages != metadata.passages()) {
                throw new NoveltyException(Kind.INDEX, "The " + address + " holds " + passages
                        + " passages but its metadata lists " + metadata.passages()
                        + " (documents added or deleted by hand?). Fill it again with 'novelty index'.");
            }
            return new SolrCorpusIndex(pinned, address, client, metadata, density, pca,
                    layout >= SolrFields.CALIBRATED_LAYOUT ? calibration(address, summary) : null);
        } catch (NoveltyException | RuntimeException e) {
            closeQuietly(client);
            if (e instanceof SolrException || e instanceof JsonParseException) {
                throw SolrFailures.failed("Reading the corpus metadata", address, (Exception) e);
            }
            throw e;
        } catch (SolrServerException | IOException e) {
            closeQuietly(client);
            throw SolrFailures.unreachable(address, e);
        }
    }

    /**
     * The generation the corpus's alias points to now. Every query of this index goes to it, so that a fill moving the
     * alias while the corpus is open never mixes its passages with the statistics read here; when that fill deletes
     * it, queries fail with "open the corpus again".
     */
    private static SolrAddress generation(SolrAddress corpus) throws NoveltyException {
        try (CloudSolrClient client = corpus.connect()) {
            return corpus.withCollection(SolrCollections.current(client, corpus));
        } catch (SolrServerException | IOException | SolrException e) {
            throw SolrFailures.unreachable(corpus, e);
        }
    }

    /** The calibration the fill wrote into the metadata document (docs/design.md, Calibration). */
    private static Calibration calibration(SolrAddress address, SolrDocument summary) throws NoveltyException {
        Object stored = summary.getFirstValue(SolrFields.CALIBRATION);
        try {
            if (stored == null) {
                throw new IOException("it has none");
            }
            return Calibration.read(new DataInputStream(new ByteArrayInputStream(bytes(stored))));
        } catch (IOException e) {
            throw new NoveltyException(Kind.INDEX, "The calibration in the metadata of the " + address
                    + " cannot be read (" + e.getMessage() + "). Fill the collection again with 'novelty index'.", e);
        }
    }

    /**
     * The collection's layout, if this version reads it. Layout 1 (no layout field) had no raw vectors and no PCA: the
     * hull readouts cannot be served from it. Layout 2 kept every passage's density statistics in the metadata
     * document, and answers as it did until the next fill writes the current layout into a new generation; layouts 2
     * and 3 have no calibration and answer without it.
     */
    private static int checkLayout(SolrAddress address, SolrDocument summary) throws NoveltyException {
        Object layout = summary.getFirstValue(SolrFields.LAYOUT);
        int version = layout == null ? 1 : ((Number) layout).intValue();
        if (version < SolrFields.OLDEST_READ_LAYOUT || version > SolrFields.LAYOUT_VERSION) {
            throw new NoveltyException(Kind.INDEX, "The " + address + " was filled by a Novelty Lens that writes "
                    + "collection layout " + version + "; this one reads layout " + SolrFields.LAYOUT_VERSION
                    + " (with the raw vectors and the PCA the hull readouts need). Create the collection again with "
                    + "'novelty solr create' and fill it with 'novelty index'.");
        }
        return version;
    }

    private static IndexMetadata checked(SolrAddress address, IndexMetadata metadata, ModelFingerprint model,
            int dimension) throws NoveltyException {
        if (metadata.formatVersion() != IndexMetadata.FORMAT_VERSION) {
            throw new NoveltyException(Kind.INDEX, "The " + address + " was filled by a Novelty Lens that writes "
                    + "format " + metadata.formatVersion() + "; this one reads format " + IndexMetadata.FORMAT_VERSION
                    + ". Fill it again with 'novelty index'.");
        }
        if (model != null && !metadata.builtWith(model, dimension)) {
            throw new NoveltyException(Kind.INDEX, "The " + address + " was built with the model '"
                    + metadata.modelId() + "' (ONNX SHA-256 " + metadata.modelSha256().substring(0, 12)
                    + "...), but the model in use is '" + model.modelId() + "' (" + model.onnxSha256().substring(0, 12)
                    + "...). Vectors of different models cannot be compared: choose that model again (--model), "
                    + "or fill the collection again with this one.");
        }
        return metadata;
    }

    /** A binary field as SolrJ returns it: a byte array, or a buffer when read from the transaction log. */
    private static byte[] bytes(Object value) {
        if (value instanceof ByteBuffer buffer) {
            byte[] bytes = new byte[buffer.remaining()];
            buffer.duplicate().get(bytes);
            return bytes;
        }
        return (byte[]) value;
    }

    @Override
    public IndexMetadata metadata() {
        return metadata;
    }

    @Override
    public List<Neighbour> nearest(float[] unitQuery, int k) throws NoveltyException {
        if (unitQuery.length != metadata.dimension()) {
            throw new NoveltyException(Kind.BAD_INPUT, "The query vector has dimension " + unitQuery.length
                    + " but the collection holds vectors of dimension " + metadata.dimension() + ".");
        }
        // HNSW candidates per shard, as many as locally: only the best k documents travel back, so more candidates
        // cost search, not transfer
        SolrQuery query = SolrFields.knn(SolrFields.VECTOR, unitQuery, HnswCandidates.forNearest(k))
                .setFields(SolrFields.ID, SolrFields.ORDINAL, SolrFields.TEXT, SolrFields.SOURCES, SolrFields.VECTOR)
                .addField(SolrFields.K_DISTANCE).addField(SolrFields.LRD).addField(SolrFields.PDIST).setRows(k);
        SolrDocumentList hits;
        try {
            // a 384-d vector literal is about 4 KB: too long for a URL
            hits = SolrReads.query(client, query, SolrRequest.METHOD.POST).getResults();
        } catch (SolrServerException | IOException | SolrException e) {
            throw SolrFailures.failed("The nearest-neighbour query", address, e);
        }
        List<Scored> scored = new ArrayList<>(hits.size());
        for (SolrDocument hit : hits) {
            float[] vector = SolrFields.vector(hit.getFieldValues(SolrFields.VECTOR));
            scored.add(new Scored(hit, SolrFields.ordinal(hit), SolrFields.dot(vector, unitQuery)));
            synchronized (recentVectors) {
                recentVectors.put(SolrFields.ordinal(hit), vector);
            }
            if (perHitStatistics != null) {
                perHitStatistics.remember(hit);
            }
        }
        scored.sort(Comparator.comparingDouble(Scored::cosine).reversed());
        List<Neighbour> neighbours = new ArrayList<>(scored.size());
        for (Scored hit : scored) {
            neighbours.add(new Neighbour(neighbours.size() + 1, hit.ordinal(),
                    (String) hit.document().getFirstValue(SolrFields.ID),
                    hit.cosine(), (String) hit.document().getFirstValue(SolrFields.TEXT),
                    SolrFields.sources(hit.document().getFirstValue(SolrFields.SOURCES))));
        }
        return neighbours;
    }

    private record Scored(SolrDocument document, int ordinal, double cosine) {
    }

    @Override
    public StoredPassage passage(int ordinal) throws NoveltyException {
        SolrDocument document = byOrdinal(ordinal, SolrFields.ID, SolrFields.TEXT, SolrFields.SOURCES);
        return new StoredPassage(ordinal, (String) document.getFirstValue(SolrFields.ID),
                (String) document.getFirstValue(SolrFields.TEXT),
                SolrFields.sources(document.getFirstValue(SolrFields.SOURCES)));
    }

    @Override
    public float[] vector(int ordinal) throws NoveltyException {
        synchronized (recentVectors) {
            float[] recent = recentVectors.get(ordinal);
            if (recent != null) {
                return recent.clone();
            }
        }
        return SolrFields.vector(byOrdinal(ordinal, SolrFields.VECTOR).getFieldValues(SolrFields.VECTOR));
    }

    private SolrDocument byOrdinal(int ordinal, String... fields) throws NoveltyException {
        if (ordinal < 0 || ordinal >= metadata.passages()) {
            throw new NoveltyException(Kind.BAD_INPUT, "No passage " + ordinal + " in the " + address
                    + " (it has " + metadata.passages() + ").");
        }
        return byOrdinal(client, address, ordinal, fields);
    }

    /** The fields of passage {@code ordinal} of the collection {@code client} reads by default. */
    static SolrDocument byOrdinal(CloudSolrClient client, SolrAddress address, int ordinal, String... fields)
            throws NoveltyException {
        try {
            SolrDocumentList found = SolrReads.query(client,
                    new SolrQuery(SolrFields.ORDINAL + ":" + ordinal).setFields(fields)).getResults();
            if (found.isEmpty()) {
                throw new NoveltyException(Kind.INDEX, "Passage " + ordinal + " is missing from the " + address
                        + ". Fill the collection again with 'novelty index'.");
            }
            return found.get(0);
        } catch (SolrServerException | IOException | SolrException e) {
            throw SolrFailures.failed("Reading passage " + ordinal, address, e);
        }
    }

    @Override
    public Optional<Calibration> calibration() {
        return Optional.ofNullable(calibration);
    }

    @Override
    public DensityScorer density() {
        return density;
    }

    @Override
    public PhraseIndex phrases() {
        return phrases;
    }

    @Override
    public HullData hullData() {
        return hullData;
    }

    /** Whether the corpus's alias names another generation than the one this index reads: a fill replaced it. */
    @Override
    public boolean superseded() throws NoveltyException {
        try {
            return !SolrCollections.current(client, corpus).equals(address.collection());
        } catch (SolrServerException | IOException | SolrException e) {
            throw SolrFailures.unreachable(corpus, e);
        }
    }

    @Override
    public void close() {
        closeQuietly(client);
    }

    private static void closeQuietly(CloudSolrClient client) {
        try {
            client.close();
        } catch (IOException e) {
            // nothing left to do with a client that fails to close
        }
    }
}
