package io.noveltylens.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.jface.preference.PreferenceStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.noveltylens.core.NoveltyException;
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
    private Path int8;
    /** Whether the optional int8 model's bundle is installed (its feature is optional). */
    private boolean int8Installed = true;
    private Path corpus;
    private Path state;
    private EngineConfigFactory configs;

    @BeforeEach
    void shippedBundles() throws Exception {
        model = temp.resolve("model-bundle");
        int8 = temp.resolve("int8-model-bundle");
        corpus = temp.resolve("corpus-bundle");
        state = temp.resolve("state");
        Files.createDirectories(model.resolve("models/all-minilm-l6-v2"));
        Files.createDirectories(int8.resolve("models/all-minilm-l6-v2-q"));
        Files.createDirectories(corpus.resolve("index"));
        Files.createDirectories(corpus.resolve("corpus"));
        configs = new EngineConfigFactory(store, state, id -> switch (id) {
            case EngineConfigFactory.MODEL_BUNDLE -> model;
            case EngineConfigFactory.MODEL_INT8_BUNDLE -> int8Installed ? int8 : null;
            case EngineConfigFactory.CORPUS_BUNDLE -> corpus;
            default -> null;
        });
        store.setValue(NoveltyLensPreferences.MODEL_CHOICE, NoveltyLensPreferences.SHIPPED);
        store.setValue(NoveltyLensPreferences.CORPUS_CHOICE, NoveltyLensPreferences.SHIPPED);
    }

    @Test
    void theShippedModelReadsTheShippedIndex() throws Exception {
        IndexPlan plan = configs.indexPlan();
        assertEquals(corpus.resolve("index"), plan.indexDir());
        assertFalse(plan.rebuildable(), "the shipped index is only read");
        assertEquals(model.resolve("models/all-minilm-l6-v2"), configs.modelDir());
    }

    @Test
    void theInt8ModelIndexesTheShippedCorpusIntoTheStateLocation() throws Exception {
        String fp32 = configs.modelKey();
        store.setValue(NoveltyLensPreferences.MODEL_CHOICE, NoveltyLensPreferences.SHIPPED_INT8);
        IndexPlan plan = configs.indexPlan();

        assertNotEquals(fp32, configs.modelKey(), "another model");
        assertTrue(configs.int8Installed());
        assertEquals(int8.resolve("models/all-minilm-l6-v2-q"), configs.modelDir(), "from the optional bundle");
        assertTrue(plan.rebuildable());
        assertEquals(List.of(corpus.resolve("corpus")), plan.sources(), "built from the shipped corpus");
        assertTrue(plan.indexDir().startsWith(state), "into the state location: " + plan.indexDir());
        assertFalse(plan.indexDir().startsWith(corpus), "never into the installed bundle");
        assertNotEquals(configs.builtIndexDir(), plan.indexDir(), "apart from the index of the user's folders");
    }

    @Test
    void withoutItsOptionalFeatureTheInt8ModelIsNotOfferedAndChoosingItSaysWhatToInstall() throws Exception {
        int8Installed = false;
        assertFalse(configs.int8Installed(), "the preference page leaves it out");
        store.setValue(NoveltyLensPreferences.MODEL_CHOICE, NoveltyLensPreferences.SHIPPED_INT8);
        NoveltyException missing = assertThrows(NoveltyException.class, configs::modelDir);
        assertEquals(NoveltyException.Kind.MODEL, missing.kind());
        assertTrue(missing.getMessage().contains(EngineConfigFactory.MODEL_INT8_BUNDLE)
                && missing.getMessage().contains("optional"), missing.getMessage());
        store.setValue(NoveltyLensPreferences.MODEL_CHOICE, NoveltyLensPreferences.SHIPPED);
        assertEquals(model.resolve("models/all-minilm-l6-v2"), configs.modelDir(), "the default model is there");
    }

    @Test
    void theUsersFoldersAreIndexedIntoTheStateLocationWithTheirPatterns() throws Exception {
        Path folder = temp.resolve("notes");
        store.setValue(NoveltyLensPreferences.CORPUS_CHOICE, NoveltyLensPreferences.SOURCES);
        store.setValue(NoveltyLensPreferences.CORPUS_SOURCES, folder + "\n");
        store.setValue(NoveltyLensPreferences.INCLUDE_PATTERNS, "*.md");
        IndexPlan plan = configs.indexPlan();

        assertEquals(configs.builtIndexDir(), plan.indexDir());
        assertEquals(List.of(folder), plan.sources());
        assertEquals(plan, configs.indexPlan(), "the same preferences, the same index");
        store.setValue(NoveltyLensPreferences.INCLUDE_PATTERNS, "*.txt");
        assertNotEquals(plan, configs.indexPlan(), "other patterns, another index");
    }
}
