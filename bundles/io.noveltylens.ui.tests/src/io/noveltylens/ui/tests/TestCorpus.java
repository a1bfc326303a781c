package io.noveltylens.ui.tests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.preference.IPreferenceStore;

import io.noveltylens.ui.NoveltyLensPreferences;
import io.noveltylens.ui.engine.EngineService;
import io.noveltylens.ui.engine.EngineState;
import io.noveltylens.ui.engine.JobFamilies;
import io.noveltylens.ui.plugin.NoveltyLensPlugin;

/**
 * A small reference corpus indexed once per test run the way a user gets it indexed: the custom-model preferences
 * point at the MiniLM files in the model bundle's source folder, the corpus preferences at a folder of three files,
 * and the engine service rebuilds the index into the plug-in's state location by itself.
 */
final class TestCorpus {

    static final String LIBRARY = "The old library smelled of dust, leather and forgotten stories.";
    /** Enough for the hull readouts of a 16-passage corpus, and short enough for quick tests. */
    static final int HULL_BUDGET_MILLIS = 1000;
    static final String FP32 = "all-minilm-l6-v2";
    static final String INT8 = "all-minilm-l6-v2-q";
    static final String GLACIERS = "Glaciers carve deep valleys as they slowly move downhill.";

    private static final List<List<String>> FILES = List.of(
            List.of("The lighthouse keeper counted the ships that passed in the night.",
                    "Photosynthesis converts light energy into chemical energy stored in glucose.",
                    "The stock market fell sharply after the central bank raised interest rates.",
                    "A violin has four strings tuned in perfect fifths.",
                    GLACIERS,
                    "The recipe calls for two cups of flour and a pinch of salt."),
            List.of("Quantum computers use qubits that can exist in superposition.",
                    LIBRARY,
                    "Marathon runners often hit a wall around the twentieth mile.",
                    "Volcanic eruptions can cool the global climate for several years.",
                    "The chess grandmaster sacrificed her queen to force checkmate."),
            List.of("Honeybees communicate the location of flowers through a waggle dance.",
                    "The committee postponed its decision until the budget was approved.",
                    "Children learn languages faster when they hear them every day.",
                    "The river flooded the village after a week of heavy rain.",
                    "Old maps often showed sea monsters in unexplored waters."));

    private static boolean built;

    private TestCorpus() {
    }

    /** Indexes the corpus on first call and points the preferences at it. */
    static synchronized void install() throws IOException, InterruptedException {
        if (built) {
            return;
        }
        Path corpus = basedir().resolve("target/test-corpus");
        write(corpus, FILES, "corpus-");
        IPreferenceStore store = NoveltyLensPlugin.getDefault().getPreferenceStore();
        store.setValue(NoveltyLensPreferences.HULL_BUDGET_MILLIS, HULL_BUDGET_MILLIS);
        useModel(FP32);
        store.setValue(NoveltyLensPreferences.CORPUS_CHOICE, NoveltyLensPreferences.SOURCES);
        store.setValue(NoveltyLensPreferences.CORPUS_SOURCES, corpus.toString());
        // the preference change schedules the rebuild of the index by itself
        awaitEngine();
        built = true;
    }

    /**
     * Points the corpus preferences at {@code folder} and waits for the engine service to index it (in the plug-in's
     * state location) and open it. {@link #restore()} goes back to the test corpus.
     */
    static void useSources(Path folder) throws InterruptedException {
        IPreferenceStore store = NoveltyLensPlugin.getDefault().getPreferenceStore();
        store.setValue(NoveltyLensPreferences.CORPUS_SOURCES, folder.toString());
        awaitEngine();
    }

    /** The test corpus again, after {@link #useSources}. */
    static void restore() throws InterruptedException {
        useSources(basedir().resolve("target/test-corpus"));
    }

    /**
     * Points the custom-model preferences at one of the MiniLM exports in the model bundles' source folders (the int8
     * one is in the optional feature's bundle).
     */
    static void useModel(String name) {
        String bundle = INT8.equals(name) ? "io.noveltylens.model.minilm.int8" : "io.noveltylens.model.minilm";
        Path model = basedir().resolve("..").resolve(bundle).resolve("models").resolve(name).normalize();
        IPreferenceStore store = NoveltyLensPlugin.getDefault().getPreferenceStore();
        store.setValue(NoveltyLensPreferences.MODEL_CHOICE, NoveltyLensPreferences.CUSTOM);
        store.setValue(NoveltyLensPreferences.MODEL_ONNX, model.resolve(name + ".onnx").toString());
        store.setValue(NoveltyLensPreferences.MODEL_TOKENIZER, model.resolve(name + "-tokenizer.json").toString());
    }

    /** Writes one file per list, one passage per paragraph (blank lines between sentences). */
    static void write(Path folder, List<List<String>> files, String prefix) throws IOException {
        Files.createDirectories(folder);
        for (int i = 0; i < files.size(); i++) {
            Files.writeString(folder.resolve(prefix + (i + 1) + ".txt"), String.join("\n\n", files.get(i)) + "\n",
                    StandardCharsets.UTF_8);
        }
    }

    /**
     * Waits for the rebuild that a preference change scheduled and for the engine that opens its index, and fails
     * with the engine's message if either failed.
     */
    static void awaitEngine() throws InterruptedException {
        EngineService engines = NoveltyLensPlugin.getDefault().getEngineService();
        UiTestSupport.waitFor(JobFamilies.INDEX_BUILD,
                () -> Job.getJobManager().find(JobFamilies.INDEX_BUILD).length == 0);
        engines.warmUp();
        UiTestSupport.waitFor(JobFamilies.ENGINE_LOAD, () -> engines.state() instanceof EngineState.Ready
                || engines.state() instanceof EngineState.Failed);
        if (engines.state() instanceof EngineState.Failed failed) {
            throw new AssertionError(failed.error().getMessage(), failed.error());
        }
    }

    static Path basedir() {
        return Path.of(System.getProperty("noveltylens.test.basedir", "."));
    }
}
