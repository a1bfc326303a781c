package io.noveltylens.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.preference.IPreferenceStore;
import org.eclipse.ui.texteditor.ITextEditor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.noveltylens.core.analysis.NoveltyReport;
import io.noveltylens.core.index.Neighbour;
import io.noveltylens.ui.NoveltyLensPlugin;
import io.noveltylens.ui.analysis.JobFamilies;
import io.noveltylens.ui.prefs.NoveltyLensPreferences;
import io.noveltylens.ui.view.NoveltyView;

/** A changed corpus folder or model rebuilds the index by itself, and the view never shows an answer of another model. */
class CorpusAndModelChangeTest {

    private static final String COMET = "A comet's tail always points away from the sun."; //$NON-NLS-1$
    private static final List<List<String>> OTHER_CORPUS = List.of(
            List.of("The bakery on the corner sells sourdough bread every morning.", COMET, //$NON-NLS-1$
                    "The orchestra tuned up before the overture began."), //$NON-NLS-1$
            List.of("Penguins huddle together to survive the Antarctic winter.", //$NON-NLS-1$
                    "The lawyer filed an appeal the day after the verdict.")); //$NON-NLS-1$

    private final IPreferenceStore store = NoveltyLensPlugin.getDefault().getPreferenceStore();

    @BeforeAll
    static void indexCorpus() throws Exception {
        TestCorpus.install();
    }

    @AfterEach
    void restoreCorpusAndModel() throws Exception {
        Workspace.page().closeAllEditors(false);
        store.setToDefault(NoveltyLensPreferences.LIVE_DELAY_MILLIS);
        TestCorpus.useModel(TestCorpus.FP32);
        store.setValue(NoveltyLensPreferences.CORPUS_SOURCES, TestCorpus.basedir().resolve("target/test-corpus").toString()); //$NON-NLS-1$
        TestCorpus.awaitEngine();
    }

    @Test
    void changingTheCorpusFolderRebuildsTheIndexAndAnswersFromTheNewCorpus() throws Exception {
        Path other = TestCorpus.basedir().resolve("target/other-corpus"); //$NON-NLS-1$
        TestCorpus.write(other, OTHER_CORPUS, "other-"); //$NON-NLS-1$
        NoveltyView view = (NoveltyView) Workspace.page().showView(NoveltyView.ID);

        long start = System.nanoTime();
        store.setValue(NoveltyLensPreferences.CORPUS_SOURCES, other.toString());
        assertEquals(1, Job.getJobManager().find(JobFamilies.INDEX_BUILD).length, "the change scheduled a rebuild"); //$NON-NLS-1$
        TestCorpus.awaitEngine();
        System.out.printf("corpus change: rebuild and reload of %d files took %d ms%n", OTHER_CORPUS.size(), //$NON-NLS-1$
                (System.nanoTime() - start) / 1_000_000);

        view.analyze(COMET);
        UiTestSupport.waitFor(JobFamilies.ANALYSIS, () -> NoveltyViewTest.completeReportOf(view, COMET));
        Neighbour nearest = (Neighbour) view.reportPage().neighboursViewer().getElementAt(0);
        assertEquals(COMET, nearest.text().strip());
        String source = view.reportPage().neighboursViewer().getTable().getItem(0).getText(2);
        assertTrue(source.startsWith("other-1.txt:"), source); //$NON-NLS-1$
    }

    @Test
    void changingTheModelRebuildsAndNoAnswerOfTheOtherModelIsShown() throws Exception {
        store.setValue(NoveltyLensPreferences.LIVE_DELAY_MILLIS, 0);
        String draft = "Notes.\n\n" + TestCorpus.LIBRARY + "\n"; //$NON-NLS-1$ //$NON-NLS-2$
        IFile file = Workspace.file(Workspace.project("writer"), "model-change.txt", draft); //$NON-NLS-1$ //$NON-NLS-2$
        NoveltyView view = (NoveltyView) Workspace.page().showView(NoveltyView.ID);
        ITextEditor editor = Workspace.open(file);
        editor.selectAndReveal(draft.indexOf(TestCorpus.LIBRARY), TestCorpus.LIBRARY.length());
        UiTestSupport.waitFor(JobFamilies.ANALYSIS, () -> NoveltyViewTest.completeReportOf(view, TestCorpus.LIBRARY));
        String fp32 = view.reportPage().report().modelId();

        long start = System.nanoTime();
        TestCorpus.useModel(TestCorpus.INT8);
        assertEquals(1, Job.getJobManager().find(JobFamilies.INDEX_BUILD).length, "the change scheduled a rebuild"); //$NON-NLS-1$
        // from here on, every state the view goes through is checked: a report on show must come from the new model
        Set<String> shown = new LinkedHashSet<>();
        Set<String> emptyStates = new LinkedHashSet<>();
        UiTestSupport.waitFor(JobFamilies.INDEX_BUILD, () -> {
            observe(view, shown, emptyStates);
            return Job.getJobManager().find(JobFamilies.INDEX_BUILD).length == 0;
        });
        long rebuilt = (System.nanoTime() - start) / 1_000_000;
        // live mode analyses the selection again once the rebuilt index is open
        UiTestSupport.waitFor(JobFamilies.ANALYSIS, () -> {
            observe(view, shown, emptyStates);
            return NoveltyViewTest.completeReportOf(view, TestCorpus.LIBRARY) && !fp32.equals(view.reportPage().report().modelId());
        });
        System.out.printf("model change: rebuild %d ms, answer with the new model after %d ms; states shown: %s%n", rebuilt, //$NON-NLS-1$
                (System.nanoTime() - start) / 1_000_000, emptyStates);

        assertEquals(Set.of("custom:" + TestCorpus.INT8 + ".onnx"), shown, "models of the reports shown after the change"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
        Neighbour nearest = (Neighbour) view.reportPage().neighboursViewer().getElementAt(0);
        assertEquals(TestCorpus.LIBRARY, nearest.text().strip());
    }

    private static void observe(NoveltyView view, Set<String> models, Set<String> emptyStates) {
        NoveltyReport report = view.reportPage().report();
        if (view.emptyStateTitle() == null && report != null) {
            models.add(report.modelId());
        } else if (view.emptyStateTitle() != null) {
            emptyStates.add(view.emptyStateTitle().replaceAll("\\d+%", "n%")); //$NON-NLS-1$ //$NON-NLS-2$
        }
    }
}
