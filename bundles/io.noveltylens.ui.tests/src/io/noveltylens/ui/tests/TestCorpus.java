package io.noveltylens.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.preference.IPreferenceStore;

import io.noveltylens.core.corpus.SourceFilter;
import io.noveltylens.core.index.IndexSettings;
import io.noveltylens.ui.NoveltyLensPlugin;
import io.noveltylens.ui.analysis.EngineService;
import io.noveltylens.ui.analysis.IndexRebuildJob;
import io.noveltylens.ui.analysis.JobFamilies;
import io.noveltylens.ui.prefs.NoveltyLensPreferences;

/**
 * A small reference corpus indexed once per test run through the same path as the preference page: the custom-model
 * preferences point at the MiniLM files in the model bundle's source folder, the corpus at a folder of three files,
 * and an {@link IndexRebuildJob} builds the index into the plug-in's state location.
 */
final class TestCorpus {

    static final String LIBRARY = "The old library smelled of dust, leather and forgotten stories."; //$NON-NLS-1$
    static final String GLACIERS = "Glaciers carve deep valleys as they slowly move downhill."; //$NON-NLS-1$

    private static final List<List<String>> FILES = List.of(
            List.of("The lighthouse keeper counted the ships that passed in the night.", //$NON-NLS-1$
                    "Photosynthesis converts light energy into chemical energy stored in glucose.", //$NON-NLS-1$
                    "The stock market fell sharply after the central bank raised interest rates.", //$NON-NLS-1$
                    "A violin has four strings tuned in perfect fifths.", //$NON-NLS-1$
                    GLACIERS,
                    "The recipe calls for two cups of flour and a pinch of salt."), //$NON-NLS-1$
            List.of("Quantum computers use qubits that can exist in superposition.", //$NON-NLS-1$
                    LIBRARY,
                    "Marathon runners often hit a wall around the twentieth mile.", //$NON-NLS-1$
                    "Volcanic eruptions can cool the global climate for several years.", //$NON-NLS-1$
                    "The chess grandmaster sacrificed her queen to force checkmate."), //$NON-NLS-1$
            List.of("Honeybees communicate the location of flowers through a waggle dance.", //$NON-NLS-1$
                    "The committee postponed its decision until the budget was approved.", //$NON-NLS-1$
                    "Children learn languages faster when they hear them every day.", //$NON-NLS-1$
                    "The river flooded the village after a week of heavy rain.", //$NON-NLS-1$
                    "Old maps often showed sea monsters in unexplored waters.")); //$NON-NLS-1$

    private static boolean built;

    private TestCorpus() {
    }

    /** Indexes the corpus on first call and points the preferences at it. */
    static synchronized void install() throws IOException, InterruptedException {
        if (built) {
            return;
        }
        Path basedir = Path.of(System.getProperty("noveltylens.test.basedir", ".")); //$NON-NLS-1$ //$NON-NLS-2$
        Path model = basedir.resolve("../io.noveltylens.model.minilm/models/all-minilm-l6-v2").normalize(); //$NON-NLS-1$
        Path corpus = basedir.resolve("target/test-corpus"); //$NON-NLS-1$
        Files.createDirectories(corpus);
        for (int i = 0; i < FILES.size(); i++) {
            // one passage per paragraph: blank lines between sentences
            Files.writeString(corpus.resolve("corpus-" + (i + 1) + ".txt"), String.join("\n\n", FILES.get(i)) + "\n", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
                    StandardCharsets.UTF_8);
        }
        IPreferenceStore store = NoveltyLensPlugin.getDefault().getPreferenceStore();
        store.setValue(NoveltyLensPreferences.MODEL_CHOICE, NoveltyLensPreferences.CUSTOM);
        store.setValue(NoveltyLensPreferences.MODEL_ONNX, model.resolve("all-minilm-l6-v2.onnx").toString()); //$NON-NLS-1$
        store.setValue(NoveltyLensPreferences.MODEL_TOKENIZER, model.resolve("all-minilm-l6-v2-tokenizer.json").toString()); //$NON-NLS-1$
        store.setValue(NoveltyLensPreferences.CORPUS_CHOICE, NoveltyLensPreferences.SOURCES);
        store.setValue(NoveltyLensPreferences.CORPUS_SOURCES, corpus.toString());
        store.setValue(NoveltyLensPreferences.HULL_BUDGET_MILLIS, 1000);
        EngineService engines = NoveltyLensPlugin.getDefault().getEngineService();
        try {
            IndexRebuildJob rebuild = new IndexRebuildJob(engines.configs().modelDir(), engines.configs().cacheDir(),
                    List.of(corpus), engines.configs().builtIndexDir(), IndexSettings.defaults().with(5, SourceFilter.ALL), engines);
            rebuild.setUser(false);
            rebuild.schedule();
            Job.getJobManager().join(JobFamilies.INDEX_BUILD, null);
            assertEquals(IStatus.INFO, rebuild.getResult().getSeverity(), rebuild.getResult().toString());
        } catch (io.noveltylens.core.NoveltyException e) {
            throw new AssertionError(e.getMessage(), e);
        }
        built = true;
    }
}
