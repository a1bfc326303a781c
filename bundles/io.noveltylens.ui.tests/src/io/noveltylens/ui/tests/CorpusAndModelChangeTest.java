package io.noveltylens.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.preference.IPreferenceStore;
import org.eclipse.ui.texteditor.ITextEditor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.noveltylens.core.analysis.NoveltyReport;
import io.noveltylens.core.index.Neighbour;
import io.noveltylens.ui.NoveltyLensPreferences;
import io.noveltylens.ui.engine.EngineService;
import io.noveltylens.ui.engine.EngineState;
import io.noveltylens.ui.engine.JobFamilies;
import io.noveltylens.ui.plugin.NoveltyLensPlugin;
import io.noveltylens.ui.view.NoveltyView;

/** A changed corpus folder or model rebuilds the index by itself, and the view never shows an answer of another model. */
@ExtendWith(WorkbenchFixture.class)
class CorpusAndModelChangeTest {

    private static final String COMET = "A comet's tail always points away from the sun.";
    private static final List<List<String>> OTHER_CORPUS = List.of(
            List.of("The bakery on the corner sells sourdough bread every morning.", COMET,
                    "The orchestra tuned up before the overture began."),
            List.of("Penguins huddle together to survive the Antarctic winter.",
                    "The lawyer filed an appeal the day after the verdict."));

    private final IPreferenceStore store = NoveltyLensPlugin.getDefault().getPreferenceStore();

    @AfterEach
    void restoreCorpusAndModel() throws Exception {
        TestCorpus.useModel(TestCorpus.FP32);
        store.setToDefault(NoveltyLensPreferences.NEIGHBOURS_K);
        store.setValue(NoveltyLensPreferences.CORPUS_SOURCES,
                TestCorpus.basedir().resolve("target/test-corpus").toString());
        TestCorpus.awaitEngine();
    }

    @Test
    void changingTheCorpusFolderRebuildsTheIndexAndAnswersFromTheNewCorpus() throws Exception {
        Path other = TestCorpus.basedir().resolve("target/other-corpus");
        TestCorpus.write(other, OTHER_CORPUS, "other-");
        NoveltyView view = (NoveltyView) Workspace.page().showView(NoveltyView.ID);

        long start = System.nanoTime();
        store.setValue(NoveltyLensPreferences.CORPUS_SOURCES, other.toString());
        assertEquals(1, Job.getJobManager().find(JobFamilies.INDEX_BUILD).length, "the change scheduled a rebuild");
        TestCorpus.awaitEngine();
        System.out.printf("corpus change: %d files indexed and the engine ready, as the test saw it, after %d ms%n",
                OTHER_CORPUS.size(),
                (System.nanoTime() - start) / 1_000_000);

        view.analyze(COMET);
        UiTestSupport.waitFor(JobFamilies.ANALYSIS, () -> NoveltyViewTest.completeReportOf(view, COMET));
        Neighbour nearest = (Neighbour) view.reportPage().neighboursViewer().getElementAt(0);
        assertEquals(COMET, nearest.text().strip());
        String source = view.reportPage().neighboursViewer().getTable().getItem(0).getText(2);
        assertTrue(source.startsWith("other-1.txt:"), source);
    }

    @Test
    void changingTheModelRebuildsAndNoAnswerOfTheOtherModelIsShown() throws Exception {
        NoveltyView view = viewOfASelectedCorpusSentence("model-change.txt");
        String fp32 = view.reportPage().report().modelId();

        long start = System.nanoTime();
        // when the engine changed state, in ms after the change: the rebuild ends where the engine is NotLoaded again
        Map<String, Long> timeline = new ConcurrentHashMap<>();
        Consumer<EngineState> states = state -> timeline.merge(state.getClass().getSimpleName(),
                (System.nanoTime() - start) / 1_000_000, Math::max);
        EngineService engines = NoveltyLensPlugin.getDefault().getEngineService();
        engines.addListener(states);
        TestCorpus.useModel(TestCorpus.INT8);
        assertEquals(1, Job.getJobManager().find(JobFamilies.INDEX_BUILD).length, "the change scheduled a rebuild");
        // from here on, every state the view goes through is checked: a report on show must come from the new model
        Set<String> shown = new LinkedHashSet<>();
        Set<String> emptyStates = new LinkedHashSet<>();
        UiTestSupport.waitFor(JobFamilies.INDEX_BUILD, () -> {
            observe(view, shown, emptyStates);
            return Job.getJobManager().find(JobFamilies.INDEX_BUILD).length == 0;
        });
        // live mode analyses the selection again once the rebuilt index is open
        UiTestSupport.waitFor(JobFamilies.ANALYSIS, () -> {
            observe(view, shown, emptyStates);
            return NoveltyViewTest.completeReportOf(view, TestCorpus.LIBRARY)
                    && !fp32.equals(view.reportPage().report().modelId());
        });
        engines.removeListener(states);
        System.out.printf(
                "model change: last engine state changes (ms) %s, answer with the new model shown after %d ms; view states %s%n",
                timeline, (System.nanoTime() - start) / 1_000_000, emptyStates);
        assertTrue(!timeline.containsKey("Failed"), timeline.toString());

        assertEquals(Set.of("custom:" + TestCorpus.INT8 + ".onnx"), shown,
                "models of the reports shown after the change");
        Neighbour nearest = (Neighbour) view.reportPage().neighboursViewer().getElementAt(0);
        assertEquals(TestCorpus.LIBRARY, nearest.text().strip());
    }

    @Test
    void aChangedSettingAsksAgainThePassageAnalysedLastNotTheEditorsSelection() throws Exception {
        NoveltyView view = viewOfASelectedCorpusSentence("setting-change.txt");
        view.analyze(TestCorpus.GLACIERS);

        // the change is seen by the view's listener before the analysis asked for just now has run
        store.setValue(NoveltyLensPreferences.NEIGHBOURS_K, 3);
        UiTestSupport.waitFor(JobFamilies.ANALYSIS, () -> NoveltyViewTest.completeReportOf(view, TestCorpus.GLACIERS));
        assertEquals(3, view.reportPage().report().neighbours().size(), "the report answers with the new setting");
    }

    /** A draft holding a sentence of the test corpus, selected in an editor, and the live view's report of it. */
    private NoveltyView viewOfASelectedCorpusSentence(String fileName) throws Exception {
        store.setValue(NoveltyLensPreferences.LIVE_DELAY_MILLIS, 0);
        String draft = "Notes.\n\n" + TestCorpus.LIBRARY + "\n";
        IFile file = Workspace.file(Workspace.project("writer"), fileName, draft);
        NoveltyView view = (NoveltyView) Workspace.page().showView(NoveltyView.ID);
        ITextEditor editor = Workspace.open(file);
        editor.selectAndReveal(draft.indexOf(TestCorpus.LIBRARY), TestCorpus.LIBRARY.length());
        UiTestSupport.waitFor(JobFamilies.ANALYSIS, () -> NoveltyViewTest.completeReportOf(view, TestCorpus.LIBRARY));
        return view;
    }

    private static void observe(NoveltyView view, Set<String> models, Set<String> emptyStates) {
        NoveltyReport report = view.reportPage().report();
        if (view.emptyStateTitle() == null && report != null) {
            models.add(report.modelId());
        } else if (view.emptyStateTitle() != null
                && emptyStates.add(view.emptyStateTitle().replaceAll("\\d+%", "n%"))
                && view.emptyStateTitle().startsWith("Rebuilding")) {
            // what the user sees while the index is rebuilt for the new model
            try {
                UiTestSupport.screenshot(view.getViewSite().getShell(), "novelty-view-rebuilding");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
