package io.noveltylens.ui.analysis;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.eclipse.core.runtime.FileLocator;
import org.eclipse.core.runtime.Platform;
import org.eclipse.jface.preference.IPreferenceStore;
import org.eclipse.osgi.util.NLS;
import org.osgi.framework.Bundle;

import io.noveltylens.core.EngineConfig;
import io.noveltylens.core.NoveltyException;
import io.noveltylens.ui.Messages;
import io.noveltylens.ui.prefs.NoveltyLensPreferences;

/** Turns the preferences into an {@link EngineConfig}: where the model and the index are, and the analysis settings. */
public final class EngineConfigFactory {

    static final String MODEL_BUNDLE = "io.noveltylens.model.minilm"; //$NON-NLS-1$
    static final String MODEL_PATH = "models/all-minilm-l6-v2"; //$NON-NLS-1$
    static final String CORPUS_BUNDLE = "io.noveltylens.corpus.default"; //$NON-NLS-1$
    static final String CORPUS_PATH = "index"; //$NON-NLS-1$

    private final IPreferenceStore store;
    private final Path stateDir;

    public EngineConfigFactory(IPreferenceStore store, Path stateDir) {
        this.store = store;
        this.stateDir = stateDir;
    }

    public EngineConfig create() throws NoveltyException {
        return new EngineConfig(modelDir(), indexDir(), cacheDir(), store.getInt(NoveltyLensPreferences.NEIGHBOURS_K),
                Duration.ofMillis(store.getInt(NoveltyLensPreferences.HULL_BUDGET_MILLIS)));
    }

    public Path modelDir() throws NoveltyException {
        if (NoveltyLensPreferences.CUSTOM.equals(store.getString(NoveltyLensPreferences.MODEL_CHOICE))) {
            return CustomModelFolder.write(store, stateDir.resolve("custom-model")); //$NON-NLS-1$
        }
        return shippedDir(MODEL_BUNDLE, MODEL_PATH, NoveltyException.Kind.MODEL);
    }

    public Path indexDir() throws NoveltyException {
        return switch (store.getString(NoveltyLensPreferences.CORPUS_CHOICE)) {
            case NoveltyLensPreferences.INDEX -> existingDir(store.getString(NoveltyLensPreferences.INDEX_DIR),
                    NoveltyException.Kind.INDEX, Messages.EngineConfigFactory_indexDirMissing);
            case NoveltyLensPreferences.SOURCES -> builtIndexDir();
            default -> shippedDir(CORPUS_BUNDLE, CORPUS_PATH, NoveltyException.Kind.INDEX);
        };
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

    /** The shipped model and corpus bundles are installed unpacked (Eclipse-BundleShape: dir), so their entries are files. */
    private static Path shippedDir(String bundleId, String entry, NoveltyException.Kind kind) throws NoveltyException {
        Bundle bundle = Platform.getBundle(bundleId);
        Path dir = bundle == null ? null
                : FileLocator.getBundleFileLocation(bundle).map(location -> location.toPath().resolve(entry)).orElse(null);
        if (dir == null || !Files.isDirectory(dir)) {
            throw new NoveltyException(kind, NLS.bind(Messages.EngineConfigFactory_shippedMissing, bundleId));
        }
        return dir;
    }
}
