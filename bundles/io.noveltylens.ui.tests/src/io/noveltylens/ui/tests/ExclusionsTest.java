package io.noveltylens.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Iterator;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.preference.IPreferenceStore;
import org.eclipse.jface.text.Position;
import org.eclipse.jface.text.source.Annotation;
import org.eclipse.jface.text.source.IAnnotationModel;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.IHandlerService;
import org.eclipse.ui.texteditor.ITextEditor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.noveltylens.core.exclude.Exclusion;
import io.noveltylens.ui.NoveltyLensPreferences;
import io.noveltylens.ui.engine.JobFamilies;
import io.noveltylens.ui.heatmap.EditorHeatmap;
import io.noveltylens.ui.plugin.NoveltyLensPlugin;
import io.noveltylens.ui.view.NoveltyView;

/**
 * Exclusions as a writer meets them: a Markdown draft with a heading, a quotation, a citation and a code block is
 * analysed with quotations left out; the Novelty view and the heatmap's status line say what was left out, the
 * heatmap colours nothing inside the code block, turning the quotations back in is answered at once, and a selection
 * that is only code is refused with what was left out.
 */
@ExtendWith(WorkbenchFixture.class)
class ExclusionsTest {

    private static final String QUOTATION = "\"the sea was never this calm\"";
    private static final String CODE = "```\nprint(\"boats\")\n```";
    private static final String DRAFT = "# Notes for the harbour chapter\n\n" + TestCorpus.LIBRARY
            + " She said " + QUOTATION + " and left (Smith, 2003).\n\n" + CODE + "\n\n"
            + "Slow rivers of ice scrape out wide valleys in the mountains.";

    private final IPreferenceStore store = NoveltyLensPlugin.getDefault().getPreferenceStore();

    @Test
    void theViewAndTheHeatmapSayWhatWasLeftOut() throws Exception {
        store.setValue(NoveltyLensPreferences.LIVE_DELAY_MILLIS, 0);
        store.setValue(NoveltyLensPreferences.exclusionKey(Exclusion.QUOTATIONS), true);
        TestCorpus.awaitEngine();
        NoveltyView view = (NoveltyView) Workspace.page().showView(NoveltyView.ID);
        ITextEditor editor = Workspace.open(Workspace.file(Workspace.project("writer"), "harbour.md", DRAFT));
        Workspace.page().activate(editor);
        IHandlerService handlers = PlatformUI.getWorkbench().getService(IHandlerService.class);
        handlers.executeCommand("io.noveltylens.ui.toggleHeatmap", null);
        EditorHeatmap heatmap = NoveltyLensPlugin.getDefault().getHeatmaps().of(editor);
        try {
            UiTestSupport.waitFor(JobFamilies.HEATMAP, () -> heatmap.annotationCount() > 0
                    && Job.getJobManager().find(JobFamilies.HEATMAP).length == 0);
            assertEquals("Heatmap left out: 1 code block, markup, 1 quotation, 1 citation", heatmap.leftOut());
            IAnnotationModel model = editor.getDocumentProvider().getAnnotationModel(editor.getEditorInput());
            int code = DRAFT.indexOf(CODE);
            for (Iterator<Annotation> it = model.getAnnotationIterator(); it.hasNext();) {
                Annotation annotation = it.next();
                if (!annotation.getType().startsWith("io.noveltylens.ui.heatmap.")) {
                    continue;
                }
                Position position = model.getPosition(annotation);
                assertFalse(position.getOffset() < code + CODE.length() && code < position.getOffset()
                        + position.getLength(), "a sentence coloured inside the code block at " + position);
            }
            UiTestSupport.screenshot(editor.getSite().getShell(), "exclusions-heatmap");

            editor.selectAndReveal(0, DRAFT.length());
            UiTestSupport.waitFor(JobFamilies.ANALYSIS, () -> NoveltyViewTest.completeReportOf(view, DRAFT));
            assertEquals("Left out of the analysis: 1 code block, markup, 1 quotation, 1 citation",
                    view.reportPage().leftOutText());
            UiTestSupport.screenshotMaximised(view, "exclusions-view");

            // the quotation counts again: the view asks again at once, and says so
            store.setValue(NoveltyLensPreferences.exclusionKey(Exclusion.QUOTATIONS), false);
            UiTestSupport.waitFor(JobFamilies.ANALYSIS, () -> NoveltyViewTest.completeReportOf(view, DRAFT)
                    && view.reportPage().leftOutText().equals(
                            "Left out of the analysis: 1 code block, markup, 1 citation"));

            Workspace.page().activate(editor);
            editor.selectAndReveal(DRAFT.indexOf(CODE), CODE.length());
            UiTestSupport.waitFor(JobFamilies.ANALYSIS, () -> view.emptyStateTitle() != null
                    && Job.getJobManager().find(JobFamilies.ANALYSIS).length == 0);
            assertEquals("This selection cannot be analysed", view.emptyStateTitle());
            assertTrue(view.emptyStateBody().contains("left out of the analysis (1 code block)"),
                    view.emptyStateBody());
        } finally {
            store.setToDefault(NoveltyLensPreferences.exclusionKey(Exclusion.QUOTATIONS));
            Workspace.page().activate(editor);
            handlers.executeCommand("io.noveltylens.ui.toggleHeatmap", null);
        }
    }
}
