package io.noveltylens.ui.engine;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.eclipse.core.runtime.FileLocator;
import org.eclipse.core.runtime.Platform;
import org.eclipse.jface.preference.IPreferenceStore;
import org.eclipse.osgi.util.NLS;
import org.osgi.framework.Bundle;

import io.noveltylens.core.NoveltyException;
import io.noveltylens.core.corpus.SourceFilter;
import io.noveltylens.core.engine.EngineConfig;
import io.noveltylens.core.exclude.Exclusion;
import io.noveltylens.core.exclude.Exclusions;
import io.noveltylens.core.index.IndexSettings;
import io.noveltylens.solr.SolrAddress;
import io.noveltylens.ui.Messages;
import io.noveltylens.ui.NoveltyLensPreferences;

/** Turns the preferences into an {@link EngineConfig}: where the model and the index are, and the analysis settings. */
public final class EngineConfigFactory {

    public static final String MODEL_BUNDLE = "io.noveltylens.model.minilm"; //$NON-NLS-1$
    static final String MODEL_PATH = "models/all-minilm-l6-v2"; //$NON-NLS-1$
    /** The int8 model's bundle, in an optional feature of the update site (docs/release.md). */
    public static final String MODEL_INT8_BUNDLE = "io.noveltylens.model.minilm.int8"; //$NON-NLS-1$
    static final String MODEL_INT8_PATH = "models/all-minilm-l6-v2-q"; //$NON-NLS-1$
    public static final String CORPUS_BUNDLE = "io.noveltylens.corpus.default"; //$NON-NLS-1$
    static final String CORPUS_PATH = "index"; //$NON-NLS-1$
    static final String CORPUS_SOURCES_PATH = "corpus"; //$NON-NLS-1$

    /** Where a bundle is installed, as a folder or a jar, or null when it is not installed. */
    @FunctionalInterface
    public interface BundleLocator {
        Path locate(String bundleId);
    }

    private final IPreferenceStore store;
    private final Path stateDir;
    private final BundleLocator bundles;
    private final Supplier<CollectionSecrets> secrets;

    public EngineConfigFactory(IPreferenceStore store, Path stateDir) {
        this(store, stateDir, EngineConfigFactory::installed);
    }

    /** With the shipped model and corpus bundles found by {@code bundles}: for tests without those bundles installed. */
    public EngineConfigFactory(IPreferenceStore store, Path stateDir, BundleLocator bundles) {
        this(store, stateDir, bundles, CollectionSecrets::installed);
    }

    /** With the SolrCloud passwords kept in {@code secrets}: for tests with a Secure Storage of their own. */
    public EngineConfigFactory(IPreferenceStore store, Path stateDir, BundleLocator bundles,
            Supplier<CollectionSecrets> secrets) {
        this.store = store;
        this.stateDir = stateDir;
        this.bundles = bundles;
        this.secrets = secrets;
    }

    /**
     * The engine configuration for the model the preferences choose and the index of {@code plan}. Its k and hull
     * budget are the defaults of batch work (annotation); an analysis for the view passes {@link #neighbours()} and
     * {@link #hullBudget()}, so that changing them does not reopen the engine.
     */
    public EngineConfig create(IndexPlan plan) throws NoveltyException {
        return new EngineConfig(modelDir(), plan.indexDir(), cacheDir(), neighbours(), hullBudget());
    }

    /** How many nearest passages an analysis lists, as the preferences say now. */
    public int neighbours() {
        return store.getInt(NoveltyLensPreferences.NEIGHBOURS_K);
    }

    /** The time the hull readouts of one passage may take, as the preferences say now. */
    public Duration hullBudget() {
        return Duration.ofMillis(store.getInt(NoveltyLensPreferences.HULL_BUDGET_MILLIS));
    }

    /** What the analyses leave out of a passage or a document, from the exclusion preferences. */
    public Exclusions exclusions() {
        Set<Exclusion> on = EnumSet.noneOf(Exclusion.class);
        for (Exclusion exclusion : Exclusion.values()) {
            if (store.getBoolean(NoveltyLensPreferences.exclusionKey(exclusion))) {
                on.add(exclusion);
            }
        }
        return new Exclusions(on);
    }

    public Path modelDir() throws NoveltyException {
        return modelDir(store, stateDir.resolve("custom-model")); //$NON-NLS-1$
    }

    /**
     * The model folder of the model choice in {@code settings} (the page's fields as typed, before Apply, or the
     * stored preferences); a custom model's descriptor is written into {@code customDir}.
     */
    Path modelDir(IPreferenceStore settings, Path customDir) throws NoveltyException {
        return switch (settings.getString(NoveltyLensPreferences.MODEL_CHOICE)) {
            case NoveltyLensPreferences.CUSTOM -> CustomModelFolder.write(settings, customDir);
            case NoveltyLensPreferences.SHIPPED_INT8 -> shippedDir(MODEL_INT8_BUNDLE, MODEL_INT8_PATH,
                    NoveltyException.Kind.MODEL, Messages.EngineConfigFactory_int8Missing);
            default -> shippedDir(MODEL_BUNDLE, MODEL_PATH, NoveltyException.Kind.MODEL);
        };
    }

    /**
     * Says which model the preferences choose, without loading it: two equal keys mean the same vectors, so an index
     * built with one serves the other. A custom model is known by its files and settings.
     */
    public String modelKey() {
        String choice = store.getString(NoveltyLensPreferences.MODEL_CHOICE);
        if (!NoveltyLensPreferences.CUSTOM.equals(choice)) {
            return choice;
        }
        return NoveltyLensPreferences.MODEL_KEYS.stream().sorted().map(key -> key + '=' + store.getString(key))
                .collect(Collectors.joining("\n")); //$NON-NLS-1$
    }

    public Path indexDir() throws NoveltyException {
        return indexPlan().indexDir();
    }

    /**
     * The index the preferences call for. The shipped index is read-only and was built with the shipped fp32 model:
     * with any other model the shipped corpus is indexed again, into the plug-in's state location (an installed
     * bundle may not be writable, and other workspaces share it). A SolrCloud collection is read as it is.
     */
    public IndexPlan indexPlan() throws NoveltyException {
        return switch (store.getString(NoveltyLensPreferences.CORPUS_CHOICE)) {
            case NoveltyLensPreferences.INDEX ->
                IndexPlan.readOnly(existingDir(store.getString(NoveltyLensPreferences.INDEX_DIR),
                        NoveltyException.Kind.INDEX, Messages.EngineConfigFactory_indexDirMissing));
            case NoveltyLensPreferences.SOLR -> IndexPlan.collection(collectionAddress());
            case NoveltyLensPreferences.SOURCES -> new IndexPlan(builtIndexDir(),
                    NoveltyLensPreferences.corpusSources(store.getString(NoveltyLensPreferences.CORPUS_SOURCES)),
                    IndexSettings.defaults().with(IndexSettings.defaults().k(),
                            SourceFilter.parse(store.getString(NoveltyLensPreferences.INCLUDE_PATTERNS),
                                    store.getString(NoveltyLensPreferences.EXCLUDE_PATTERNS))));
            default -> NoveltyLensPreferences.SHIPPED.equals(store.getString(NoveltyLensPreferences.MODEL_CHOICE))
                    ? IndexPlan.readOnly(shippedDir(CORPUS_BUNDLE, CORPUS_PATH, NoveltyException.Kind.INDEX))
                    : new IndexPlan(stateDir.resolve("shipped-corpus-index"), //$NON-NLS-1$
                            List.of(shippedDir(CORPUS_BUNDLE, CORPUS_SOURCES_PATH, NoveltyException.Kind.INDEX)),
                            IndexSettings.defaults());
        };
    }

    /** Where the SolrCloud passwords are kept. */
    public CollectionSecrets secrets() {
        return secrets.get();
    }

    /**
     * The collection the preferences name, with the passwords from Secure Storage when a user is set (only then is the
     * storage read: it may ask for its master password).
     */
    private SolrAddress collectionAddress() throws NoveltyException {
        boolean secured = !store.getString(NoveltyLensPreferences.SOLR_USER).isBlank();
        boolean trustStore = !store.getString(NoveltyLensPreferences.SOLR_TRUST_STORE).isBlank();
        CollectionSecrets stored = secured || trustStore ? secrets.get() : null;
        return CollectionAddress.parse(store, secured ? stored.password() : "", //$NON-NLS-1$
                trustStore ? stored.trustStorePassword() : ""); //$NON-NLS-1$
    }

    /** Where the index built from the user's corpus sources lives: the plug-in's state location, never the sources. */
    public Path builtIndexDir() {
        return stateDir.resolve("index"); //$NON-NLS-1$
    }

    /** Scratch folder for a model the preference page tries before storing it. */
    Path modelCheckDir() {
        return stateDir.resolve("custom-model-check"); //$NON-NLS-1$
    }

    public Path cacheDir() {
        return stateDir.resolve("cache"); //$NON-NLS-1$
    }

    private static Path existingDir(String path, NoveltyException.Kind kind, String message) throws NoveltyException {
        if (path.isBlank() || !Files.isDirectory(Path.of(path))) {
            throw new NoveltyException(kind, NLS.bind(message, path));
        }
        return Path.of(path);
    }

    /**
     * Whether the optional int8 model is installed: the preference page offers it only then (or while it is still the
     * chosen model, so that the choice shows).
     */
    public boolean int8Installed() {
        return bundles.locate(MODEL_INT8_BUNDLE) != null;
    }

    private Path shippedDir(String bundleId, String entry, NoveltyException.Kind kind) throws NoveltyException {
        return shippedDir(bundleId, entry, kind, Messages.EngineConfigFactory_shippedMissing);
    }

    /** The shipped model and corpus bundles are installed unpacked (Eclipse-BundleShape: dir), so their entries are files. */
    private Path shippedDir(String bundleId, String entry, NoveltyException.Kind kind, String missing)
            throws NoveltyException {
        Path location = bundles.locate(bundleId);
        Path dir = location == null ? null : location.resolve(entry);
        if (dir == null || !Files.isDirectory(dir)) {
            throw new NoveltyException(kind, NLS.bind(missing, bundleId));
        }
        return dir;
    }

    private static Path installed(String bundleId) {
        Bundle bundle = Platform.getBundle(bundleId);
        return bundle == null ? null : FileLocator.getBundleFileLocation(bundle).map(File::toPath).orElse(null);
    }
}
