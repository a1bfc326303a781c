package io.noveltylens.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.jface.preference.IPreferenceStore;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.IHandlerService;
import org.eclipse.ui.texteditor.ITextEditor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.noveltylens.core.history.HistoryStore;
import io.noveltylens.core.history.ParagraphReading;
import io.noveltylens.core.history.SaveReading;
import io.noveltylens.core.history.TextHash;
import io.noveltylens.ui.NoveltyLensPreferences;
import io.noveltylens.ui.engine.JobFamilies;
import io.noveltylens.ui.history.HistoryPicture;
import io.noveltylens.ui.plugin.NoveltyLensPlugin;
import io.noveltylens.ui.view.NoveltyView;

/**
 * Novelty over time: each save of a document the writer analysed adds one point to its history, the view plots them
 * and lists the paragraphs that changed, and the history outlives the view.
 */
@ExtendWith(WorkbenchFixture.class)
class HistoryTest {

    private static final String RADIO = "My grandmother's kitchen radio only played static and Sunday hymns.";
    private static final String TAXES = "Tax law in medieval Venice rewarded merchants who insured each other's cargo.";
    private static final String TAXES_EDITED = "Tax law in medieval Venice punished merchants who hid their cargo "
            + "from the customs house.";
    private static final String NEW = "The lighthouse keeper counted ships until the fog lifted at noon.";

    private final IPreferenceStore store = NoveltyLensPlugin.getDefault().getPreferenceStore();

    @Test
    void eachSaveOfAnAnalysedDocumentAddsOnePointAndTheViewShowsWhatChanged() throws Exception {
        store.setValue(NoveltyLensPreferences.LIVE_DELAY_MILLIS, 0);
        String first = TestCorpus.LIBRARY + "\n\n" + RADIO + "\n";
        IFile file = Workspace.file(Workspace.project("writer"), "history-" + System.nanoTime() + ".txt", first);
        NoveltyView view = (NoveltyView) Workspace.page().showView(NoveltyView.ID);
        ITextEditor editor = Workspace.open(file);
        editor.selectAndReveal(0, TestCorpus.LIBRARY.length());
        UiTestSupport.waitFor(JobFamilies.ANALYSIS, () -> NoveltyViewTest.completeReportOf(view, TestCorpus.LIBRARY));
        UiTestSupport.waitFor(JobFamilies.HISTORY, () -> view.reportPage().history() != null);
        assertEquals(0, view.reportPage().history().saves().size(), "nothing recorded before the first save");

        IDocument document = editor.getDocumentProvider().getDocument(editor.getEditorInput());
        List<String> saved = List.of(first + "\n" + TAXES + "\n", first + "\n" + TAXES_EDITED + "\n",
                first + "\n" + TAXES_EDITED + "\n\n" + NEW + "\n");
        long slowest = 0;
        for (int i = 0; i < saved.size(); i++) {
            document.set(saved.get(i));
            int points = i + 1;
            long start = System.nanoTime();
            editor.doSave(new NullProgressMonitor());
            UiTestSupport.waitFor(JobFamilies.HISTORY,
                    () -> view.reportPage().history().saves().size() == points);
            slowest = Math.max(slowest, (System.nanoTime() - start) / 1_000_000);
        }
        System.out.printf("history: slowest time from save to updated plot %d ms%n", slowest);

        // oracle: the paragraphs of each text as saved, cut by hand at the blank lines
        HistoryPicture history = view.reportPage().history();
        assertEquals(3, history.saves().size(), "one point per save");
        for (int i = 0; i < saved.size(); i++) {
            assertEquals(hashesOf(saved.get(i)),
                    history.saves().get(i).paragraphs().stream().map(ParagraphReading::hash).toList(), "save " + i);
        }
        List<SaveReading> stored = new HistoryStore(
                NoveltyLensPlugin.getDefault().getStateLocation().toPath().resolve(NoveltyLensPlugin.HISTORY_FOLDER),
                warning -> {
                }).load(file.getFullPath().toString()).saves();
        assertEquals(history.saves(), stored, "what the view plots is what is stored");

        // the last save added a paragraph and kept the others: the new one heads the list
        TableViewer changes = view.reportPage().historyChanges();
        assertEquals("new", changes.getTable().getItem(0).getText(0));
        assertEquals(NEW, changes.getTable().getItem(0).getText(1));
        assertEquals(1, changes.getTable().getItemCount(), "the unchanged paragraphs are not listed");
        IWorkbenchPage page = Workspace.page();
        page.setPartState(page.getReference(view), IWorkbenchPage.STATE_MAXIMIZED);
        UiTestSupport.spin();
        view.reportPage().revealHistory();
        UiTestSupport.screenshot(view.getViewSite().getShell(), "history");
        page.setPartState(page.getReference(view), IWorkbenchPage.STATE_RESTORED);

        // double-click shows the paragraph in its editor
        changes.setSelection(new StructuredSelection(changes.getElementAt(0)), true);
        changes.getTable().notifyListeners(SWT.DefaultSelection, null);
        UiTestSupport.spin();
        ITextSelection selection = (ITextSelection) editor.getSelectionProvider().getSelection();
        assertEquals(NEW, selection.getText());

        // a new view shows the stored history without a new save
        page.hideView(view);
        NoveltyView reopened = (NoveltyView) page.showView(NoveltyView.ID);
        page.activate(editor);
        editor.selectAndReveal(0, TestCorpus.LIBRARY.length());
        UiTestSupport.waitFor(JobFamilies.ANALYSIS,
                () -> NoveltyViewTest.completeReportOf(reopened, TestCorpus.LIBRARY));
        UiTestSupport.waitFor(JobFamilies.HISTORY, () -> reopened.reportPage().history() != null);
        assertEquals(stored, reopened.reportPage().history().saves());
    }

    /** A document is followed when its heatmap is on, without the Novelty view. */
    @Test
    void aSaveOfADocumentWithItsHeatmapOnIsRecorded() throws Exception {
        IWorkbenchPage page = Workspace.page();
        if (page.findView(NoveltyView.ID) != null) {
            page.hideView(page.findView(NoveltyView.ID));
        }
        IFile file = Workspace.file(Workspace.project("writer"), "heatmap-history-" + System.nanoTime() + ".txt",
                RADIO + "\n");
        ITextEditor editor = Workspace.open(file);
        page.activate(editor);
        PlatformUI.getWorkbench().getService(IHandlerService.class).executeCommand("io.noveltylens.ui.toggleHeatmap",
                null);
        UiTestSupport.waitFor(JobFamilies.HEATMAP,
                () -> NoveltyLensPlugin.getDefault().getHeatmaps().of(editor).annotationCount() == 1);
        HistoryStore histories = new HistoryStore(
                NoveltyLensPlugin.getDefault().getStateLocation().toPath().resolve(NoveltyLensPlugin.HISTORY_FOLDER),
                warning -> {
                });

        editor.getDocumentProvider().getDocument(editor.getEditorInput()).set(RADIO + "\n\n" + TAXES + "\n");
        editor.doSave(new NullProgressMonitor());
        UiTestSupport.waitFor(JobFamilies.HISTORY,
                () -> histories.load(file.getFullPath().toString()).saves().size() == 1);

        assertEquals(hashesOf(RADIO + "\n\n" + TAXES + "\n"), histories.load(file.getFullPath().toString()).saves()
                .get(0).paragraphs().stream().map(ParagraphReading::hash).toList());
    }

    private static List<String> hashesOf(String text) {
        return Arrays.stream(text.split("\n\n")).map(String::strip).filter(p -> !p.isEmpty())
                .map(TextHash::ofParagraph).toList();
    }
}
