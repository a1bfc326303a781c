package io.noveltylens.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Table;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.IHandlerService;
import org.eclipse.ui.texteditor.ITextEditor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.noveltylens.test.support.MatchLevelCases;
import io.noveltylens.ui.engine.JobFamilies;
import io.noveltylens.ui.heatmap.EditorHeatmap;
import io.noveltylens.ui.plugin.NoveltyLensPlugin;
import io.noveltylens.ui.view.NoveltyView;
import io.noveltylens.ui.view.SideBySideView;

/**
 * Double-clicking a neighbour in the Novelty view opens the analysed text and the corpus passage side by side, the
 * runs they share highlighted in both, the passage between the passages around it in its source. Oracle: the test
 * corpus file (corpus-2.txt: the quantum, library and marathon sentences, in that order) and the shared runs by
 * brute force ({@link MatchLevelCases#sharedFiveWordRuns}).
 */
@ExtendWith(WorkbenchFixture.class)
class SideBySideTest {

    private static final String DRAFT = "In the evening the old library smelled of dust, leather and forgotten stories and"
            + " rain.";

    @Test
    void doubleClickingANeighbourReadsItBesideTheTextWithTheSharedRunsHighlighted() throws Exception {
        NoveltyView view = (NoveltyView) Workspace.page().showView(NoveltyView.ID);
        ITextEditor editor = Workspace.open(Workspace.file(Workspace.project("writer"), "side.txt", DRAFT));
        editor.selectAndReveal(0, DRAFT.length());
        UiTestSupport.waitFor(JobFamilies.ANALYSIS, () -> NoveltyViewTest.completeReportOf(view, DRAFT));

        Table table = view.reportPage().neighboursViewer().getTable();
        table.setSelection(0);
        table.notifyListeners(SWT.DefaultSelection, new Event());
        UiTestSupport.waitFor(JobFamilies.SIDE_BY_SIDE,
                () -> Job.getJobManager().find(JobFamilies.SIDE_BY_SIDE).length == 0);
        UiTestSupport.spin();

        SideBySideView sideBySide = (SideBySideView) Workspace.page().findView(SideBySideView.ID);
        List<String> expectedRuns = MatchLevelCases.sharedFiveWordRuns(DRAFT, TestCorpus.LIBRARY);
        assertTrue(!expectedRuns.isEmpty());
        assertEquals(List.of("the old library smelled of dust, leather and forgotten stories"),
                sideBySide.highlighted(true), "the draft's run shared with the passage");
        assertEquals(List.of("The old library smelled of dust, leather and forgotten stories"),
                sideBySide.highlighted(false), "the passage's run shared with the draft");
        assertEquals("Quantum computers use qubits that can exist in superposition.\n\n" + TestCorpus.LIBRARY
                + "\n\nMarathon runners often hit a wall around the twentieth mile.", sideBySide.passageText(),
                "the passage between the passages before and after it in corpus-2.txt");
        IWorkbenchPage page = Workspace.page();
        page.setPartState(page.getReference(sideBySide), IWorkbenchPage.STATE_MAXIMIZED);
        UiTestSupport.screenshot(sideBySide.getViewSite().getShell(), "side-by-side");
        page.setPartState(page.getReference(sideBySide), IWorkbenchPage.STATE_RESTORED);
        page.hideView(sideBySide);
    }

    /** The context-menu command on a heatmap sentence reads it beside its nearest passage, as a neighbour is read. */
    @Test
    void aHeatmapSentenceAtTheCursorIsReadBesideItsNearestPassage() throws Exception {
        String text = TestCorpus.GLACIERS + " " + DRAFT;
        ITextEditor editor = Workspace.open(Workspace.file(Workspace.project("writer"), "heatmap-side.txt", text));
        Workspace.page().activate(editor);
        IHandlerService handlers = PlatformUI.getWorkbench().getService(IHandlerService.class);
        handlers.executeCommand("io.noveltylens.ui.toggleHeatmap", null);
        EditorHeatmap heatmap = NoveltyLensPlugin.getDefault().getHeatmaps().of(editor);
        UiTestSupport.waitFor(JobFamilies.HEATMAP, () -> heatmap.annotationCount() == 2);

        editor.selectAndReveal(text.indexOf("smelled"), 0);
        handlers.executeCommand("io.noveltylens.ui.readBesideNearest", null);
        SideBySideView sideBySide = (SideBySideView) Workspace.page().findView(SideBySideView.ID);
        UiTestSupport.runEventLoopUntil(() -> !sideBySide.highlighted(false).isEmpty());

        assertEquals(List.of("the old library smelled of dust, leather and forgotten stories"),
                sideBySide.highlighted(true), "the sentence's run shared with its nearest passage");
        assertEquals(List.of("The old library smelled of dust, leather and forgotten stories"),
                sideBySide.highlighted(false), "the nearest passage, corpus-2.txt's library sentence");
        UiTestSupport.screenshotMaximised(sideBySide, "side-by-side-heatmap");
        Workspace.page().hideView(sideBySide);
        handlers.executeCommand("io.noveltylens.ui.toggleHeatmap", null);
    }
}
