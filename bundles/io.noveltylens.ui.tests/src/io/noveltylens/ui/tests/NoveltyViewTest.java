package io.noveltylens.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.preference.IPreferenceStore;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.IHandlerService;
import org.eclipse.ui.texteditor.ITextEditor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.noveltylens.core.analysis.NoveltyReport;
import io.noveltylens.core.index.Neighbour;
import io.noveltylens.ui.NoveltyLensPreferences;
import io.noveltylens.ui.engine.JobFamilies;
import io.noveltylens.ui.plugin.NoveltyLensPlugin;
import io.noveltylens.ui.view.NoveltyView;

@ExtendWith(WorkbenchFixture.class)
class NoveltyViewTest {

    private static final String DRAFT = "Some notes for the next chapter.\n\n" + TestCorpus.LIBRARY
            + "\n\nSlow rivers of ice scrape out wide valleys in the mountains.\n";
    private static final String PARAPHRASE = "Slow rivers of ice scrape out wide valleys in the mountains.";

    private final IPreferenceStore store = NoveltyLensPlugin.getDefault().getPreferenceStore();

    @Test
    void viewTeachesWhatToDoWhenNothingIsSelected() throws Exception {
        IWorkbenchPage page = Workspace.page();
        IViewPart old = page.findView(NoveltyView.ID);
        if (old != null) {
            page.hideView(old);
        }
        NoveltyView view = (NoveltyView) page.showView(NoveltyView.ID);
        UiTestSupport.spin();
        assertNotNull(view.emptyStateTitle(), "an empty state is on show");
        assertTrue(view.emptyStateTitle().startsWith("Select a passage"), view.emptyStateTitle());
        UiTestSupport.screenshot(view.getViewSite().getShell(), "novelty-view-empty");
    }

    @Test
    void selectingACorpusSentenceInAnEditorShowsItAsTheNearestNeighbour() throws Exception {
        store.setValue(NoveltyLensPreferences.LIVE_DELAY_MILLIS, 0);
        IFile file = Workspace.file(Workspace.project("writer"), "draft.txt", DRAFT);
        NoveltyView view = (NoveltyView) Workspace.page().showView(NoveltyView.ID);
        ITextEditor editor = Workspace.open(file);
        editor.selectAndReveal(DRAFT.indexOf(TestCorpus.LIBRARY), TestCorpus.LIBRARY.length());

        UiTestSupport.waitFor(JobFamilies.ANALYSIS, () -> completeReportOf(view, TestCorpus.LIBRARY));

        assertNotNull(view.reportPage().report().hull(), "the hull phase completed");
        Neighbour nearest = (Neighbour) view.reportPage().neighboursViewer().getElementAt(0);
        assertEquals(TestCorpus.LIBRARY, nearest.text().strip());
        assertTrue(nearest.cosine() > 0.99, "the same sentence: cosine " + nearest.cosine());
        assertTrue(view.reportPage().neighboursViewer().getTable().getItem(0).getText(1).contains("old library"));
        assertTrue(view.reportPage().neighboursViewer().getTable().getItem(0).getText(2).startsWith("corpus-2.txt:"),
                view.reportPage().neighboursViewer().getTable().getItem(0).getText(2));
        UiTestSupport.screenshot(view.getViewSite().getShell(), "novelty-view-with-editor");
        IWorkbenchPage page = Workspace.page();
        page.setPartState(page.getReference(view), IWorkbenchPage.STATE_MAXIMIZED);
        UiTestSupport.screenshot(view.getViewSite().getShell(), "novelty-view");
    }

    @Test
    void analyzeCommandAnalysesTheSelectionWithLiveModeOff() throws Exception {
        store.setValue(NoveltyLensPreferences.LIVE_MODE, false);
        IFile file = Workspace.file(Workspace.project("writer"), "draft.txt", DRAFT);
        NoveltyView view = (NoveltyView) Workspace.page().showView(NoveltyView.ID);
        ITextEditor editor = Workspace.open(file);
        editor.selectAndReveal(DRAFT.indexOf(PARAPHRASE), PARAPHRASE.length());
        UiTestSupport.spin();

        PlatformUI.getWorkbench().getService(IHandlerService.class).executeCommand("io.noveltylens.ui.analyze", null);
        UiTestSupport.waitFor(JobFamilies.ANALYSIS, () -> completeReportOf(view, PARAPHRASE));

        Neighbour nearest = (Neighbour) view.reportPage().neighboursViewer().getElementAt(0);
        assertEquals(TestCorpus.GLACIERS, nearest.text().strip(), "a paraphrase finds the passage it paraphrases");
    }

    /** The view shows the report of {@code text} and no analysis is left to post a newer one (the hull phase). */
    static boolean completeReportOf(NoveltyView view, String text) {
        NoveltyReport report = view.reportPage().report();
        return report != null && report.text().strip().equals(text)
                && Job.getJobManager().find(JobFamilies.ANALYSIS).length == 0;
    }
}
