package io.noveltylens.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.jface.preference.PreferenceStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.noveltylens.ui.NoveltyLensPreferences;
import io.noveltylens.ui.engine.EngineConfigFactory;
import io.noveltylens.ui.engine.IndexPlan;

/**
 * Which index the preferences call for, with stand-ins for the shipped model and corpus bundles (the test runtime
 * does not install them): the shipped index only with the shipped model, never written; any other model re-indexes
 * the shipped corpus into the state location.
 */
class IndexPlanTest {

    @TempDir
    Path temp;

    private final PreferenceStore store = new PreferenceStore();
    private Path model;
    private Path corpus;
    private Path state;
    private EngineConfigFactory configs;

    @BeforeEach
    void shippedBundles() throws Exception {
        model = temp.resolve("model-bundle"); //$NON-NLS-1$
        corpus = temp.resolve("corpus-bundle"); //$NON-NLS-1$
        state = temp.resolve("state"); //$NON-NLS-1$
        Files.createDirectories(model.resolve("models/all-minilm-l6-v2")); //$NON-NLS-1$
        Files.createDirectories(model.resolve("models/all-minilm-l6-v2-q")); //$NON-NLS-1$
        Files.createDirectories(corpus.resolve("index")); //$NON-NLS-1$
        Files.createDirectories(corpus.resolve("corpus")); //$NON-NLS-1$
        configs = new EngineConfigFactory(store, state, id -> switch (id) {
            case EngineConfigFactory.MODEL_BUNDLE -> model;
            case EngineConfigFactory.CORPUS_BUNDLE -> corpus;
            default -> null;
        });
        store.setValue(NoveltyLensPreferences.MODEL_CHOICE, NoveltyLensPreferences.SHIPPED);
        store.setValue(NoveltyLensPreferences.CORPUS_CHOICE, NoveltyLensPreferences.SHIPPED);
    }

    @Test
    void theShippedModelReadsTheShippedIndex() throws Exception {
        IndexPlan plan = configs.indexPlan();
        assertEquals(corpus.resolve("index"), plan.indexDir()); //$NON-NLS-1$
        assertFalse(plan.rebuildable(), "the shipped index is only read"); //$NON-NLS-1$
        assertEquals(model.resolve("models/all-minilm-l6-v2"), configs.modelDir()); //$NON-NLS-1$
    }

    @Test
    void theInt8ModelIndexesTheShippedCorpusIntoTheStateLocation() throws Exception {
        String fp32 = configs.modelKey();
        store.setValue(NoveltyLensPreferences.MODEL_CHOICE, NoveltyLensPreferences.SHIPPED_INT8);
        IndexPlan plan = configs.indexPlan();

        assertNotEquals(fp32, configs.modelKey(), "another model"); //$NON-NLS-1$
        assertEquals(model.resolve("models/all-minilm-l6-v2-q"), configs.modelDir()); //$NON-NLS-1$
        assertTrue(plan.rebuildable());
        assertEquals(List.of(corpus.resolve("corpus")), plan.sources(), "built from the shipped corpus"); //$NON-NLS-1$
        assertTrue(plan.indexDir().startsWith(state), "into the state location: " + plan.indexDir()); //$NON-NLS-1$
        assertFalse(plan.indexDir().startsWith(corpus), "never into the installed bundle"); //$NON-NLS-1$
        assertNotEquals(configs.builtIndexDir(), plan.indexDir(), "apart from the index of the user's folders"); //$NON-NLS-1$
    }

    @Test
    void theUsersFoldersAreIndexedIntoTheStateLocationWithTheirPatterns() throws Exception {
        Path folder = temp.resolve("notes"); //$NON-NLS-1$
        store.setValue(NoveltyLensPreferences.CORPUS_CHOICE, NoveltyLensPreferences.SOURCES);
        store.setValue(NoveltyLensPreferences.CORPUS_SOURCES, folder + "\n"); //$NON-NLS-1$
        store.setValue(NoveltyLensPreferences.INCLUDE_PATTERNS, "*.md"); //$NON-NLS-1$
        IndexPlan plan = configs.indexPlan();

        assertEquals(configs.builtIndexDir(), plan.indexDir());
        assertEquals(List.of(folder), plan.sources());
        assertEquals(plan, configs.indexPlan(), "the same preferences, the same index"); //$NON-NLS-1$
        store.setValue(NoveltyLensPreferences.INCLUDE_PATTERNS, "*.txt"); //$NON-NLS-1$
        assertNotEquals(plan, configs.indexPlan(), "other patterns, another index"); //$NON-NLS-1$
    }
}
