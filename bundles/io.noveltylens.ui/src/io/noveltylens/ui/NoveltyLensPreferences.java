package io.noveltylens.ui;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.noveltylens.core.exclude.Exclusion;

/** Keys of the preferences this bundle keeps in the instance scope; defaults are in {@link PreferenceInitializer}. */
public final class NoveltyLensPreferences {

    /** {@link #SHIPPED}, {@link #SHIPPED_INT8} or {@link #CUSTOM}. */
    public static final String MODEL_CHOICE = "model.choice"; //$NON-NLS-1$
    /** A custom model: the ONNX file of a sentence-transformers export, its tokenizer.json, and how to use them. */
    public static final String MODEL_ONNX = "model.onnx"; //$NON-NLS-1$
    public static final String MODEL_TOKENIZER = "model.tokenizer"; //$NON-NLS-1$
    /** {@code MEAN} or {@code CLS}: the pooling the model was trained with. */
    public static final String MODEL_POOLING = "model.pooling"; //$NON-NLS-1$
    public static final String MODEL_NORMALIZE = "model.normalize"; //$NON-NLS-1$
    public static final String MODEL_MAX_TOKENS = "model.maxTokens"; //$NON-NLS-1$
    public static final String MODEL_QUERY_PREFIX = "model.queryPrefix"; //$NON-NLS-1$
    public static final String MODEL_PASSAGE_PREFIX = "model.passagePrefix"; //$NON-NLS-1$

    /**
     * {@link #SHIPPED}, {@link #INDEX} (an existing index folder), {@link #SOURCES} (folders and files to index) or
     * {@link #SOLR} (a SolrCloud collection).
     */
    public static final String CORPUS_CHOICE = "corpus.choice"; //$NON-NLS-1$
    public static final String INDEX_DIR = "corpus.indexDir"; //$NON-NLS-1$
    /** Folders and files, one per line (see {@link #corpusSources}). */
    public static final String CORPUS_SOURCES = "corpus.sources"; //$NON-NLS-1$
    public static final String SOURCES_SEPARATOR = "\n"; //$NON-NLS-1$
    /** Glob patterns, comma separated, matched against file names under the source folders. */
    public static final String INCLUDE_PATTERNS = "corpus.include"; //$NON-NLS-1$
    public static final String EXCLUDE_PATTERNS = "corpus.exclude"; //$NON-NLS-1$
    /**
     * Where the SolrCloud collection is: base URLs of some of its nodes ({@code http://host:8983/solr}) or its
     * ZooKeeper ensemble ({@code host:2181[/chroot]}), comma separated; see {@code CollectionAddress}.
     */
    public static final String SOLR_ADDRESS = "corpus.solr.address"; //$NON-NLS-1$
    public static final String SOLR_COLLECTION = "corpus.solr.collection"; //$NON-NLS-1$
    /**
     * The SolrCloud BasicAuth user, empty for an open cluster; its password lives in Secure Storage
     * ({@code CollectionSecrets}), never in a preference.
     */
    public static final String SOLR_USER = "corpus.solr.user"; //$NON-NLS-1$
    /** A PKCS12 or JKS trust store with the cluster's TLS certificate, empty to trust the Java runtime's authorities. */
    public static final String SOLR_TRUST_STORE = "corpus.solr.trustStore"; //$NON-NLS-1$

    public static final String NEIGHBOURS_K = "analysis.k"; //$NON-NLS-1$
    public static final String HULL_BUDGET_MILLIS = "analysis.hullBudgetMillis"; //$NON-NLS-1$

    /** Per {@link Exclusion}: whether the analysis leaves it out ({@link #exclusionKey}). */
    private static final String EXCLUDE_PREFIX = "exclude."; //$NON-NLS-1$
    public static final Set<String> EXCLUSION_KEYS = Arrays.stream(Exclusion.values())
            .map(NoveltyLensPreferences::exclusionKey).collect(Collectors.toUnmodifiableSet());

    public static final String LIVE_MODE = "live.enabled"; //$NON-NLS-1$
    /** "My drafts": the full workspace path of a project or folder (e.g. {@code /novel/chapters}), empty for none. */
    public static final String DRAFTS_FOLDER = "drafts.folder"; //$NON-NLS-1$
    public static final String LIVE_DELAY_MILLIS = "live.delayMillis"; //$NON-NLS-1$

    public static final String SHIPPED = "shipped"; //$NON-NLS-1$
    /** The shipped model quantised to int8: faster, vectors about 0.99 cosine to the fp32 ones. */
    public static final String SHIPPED_INT8 = "shipped-int8"; //$NON-NLS-1$
    public static final String CUSTOM = "custom"; //$NON-NLS-1$
    public static final String INDEX = "index"; //$NON-NLS-1$
    public static final String SOURCES = "sources"; //$NON-NLS-1$
    public static final String SOLR = "solr"; //$NON-NLS-1$

    public static final Set<String> MODEL_KEYS = Set.of(MODEL_CHOICE, MODEL_ONNX, MODEL_TOKENIZER, MODEL_POOLING,
            MODEL_NORMALIZE, MODEL_MAX_TOKENS, MODEL_QUERY_PREFIX, MODEL_PASSAGE_PREFIX);

    /**
     * Changing any of these means another engine (another model or index), and perhaps an index that no longer
     * matches the model and must be rebuilt.
     */
    public static final Set<String> ENGINE_KEYS = union(MODEL_KEYS, Set.of(CORPUS_CHOICE, INDEX_DIR, CORPUS_SOURCES,
            INCLUDE_PATTERNS, EXCLUDE_PATTERNS, SOLR_ADDRESS, SOLR_COLLECTION, SOLR_USER, SOLR_TRUST_STORE));

    /** Changing any of these changes the next analysis only: they are read for each one, the engine stays open. */
    public static final Set<String> ANALYSIS_KEYS = union(Set.of(NEIGHBOURS_K, HULL_BUDGET_MILLIS), EXCLUSION_KEYS);

    private NoveltyLensPreferences() {
    }

    /** The key of a boolean: {@code exclude.front-matter}. */
    public static String exclusionKey(Exclusion exclusion) {
        return EXCLUDE_PREFIX + exclusion.id();
    }

    /** The folders and files of a stored {@link #CORPUS_SOURCES} value. */
    public static List<Path> corpusSources(String stored) {
        return Arrays.stream(stored.split(SOURCES_SEPARATOR)).map(String::strip).filter(line -> !line.isEmpty())
                .map(Path::of).toList();
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        return Stream.concat(a.stream(), b.stream()).collect(Collectors.toUnmodifiableSet());
    }
}
