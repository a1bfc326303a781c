package io.noveltylens.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.preference.IPreferenceStore;
import org.eclipse.jface.preference.PreferenceConverter;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextOperationTarget;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.Position;
import org.eclipse.jface.text.source.Annotation;
import org.eclipse.jface.text.source.IAnnotationModel;
import org.eclipse.swt.custom.StyleRange;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.editors.text.EditorsUI;
import org.eclipse.ui.handlers.IHandlerService;
import org.eclipse.ui.texteditor.ITextEditor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.noveltylens.ui.NoveltyLensPreferences;
import io.noveltylens.ui.engine.JobFamilies;
import io.noveltylens.ui.heatmap.EditorHeatmap;
import io.noveltylens.ui.plugin.NoveltyLensPlugin;

@ExtendWith(WorkbenchFixture.class)
class HeatmapTest {

    private static final String TEXT = TestCorpus.LIBRARY + "\n" + TestCorpus.GLACIERS
            + "\nMy grandmother's kitchen radio only played static and Sunday hymns.\n"
            + "Tax law in medieval Venice rewarded merchants who insured each other's cargo.\n";

    private static final String[] SUBJECTS = { "The ferry", "A retired teacher", "The village council",
            "Our neighbour's dog",
            "The night shift", "A travelling circus", "The old bridge", "Her younger brother" };
    private static final String[] PREDICATES = { "waited by the harbour", "painted the fence blue",
            "argued about the budget", "slept through the storm", "counted the passing trains",
            "mended a torn sail", "sang in the kitchen", "lost the map again" };

    private final IPreferenceStore store = NoveltyLensPlugin.getDefault().getPreferenceStore();

    @Test
    void longDocumentIsColouredOverAllItsSentencesWhileTheUiThreadStaysResponsive() throws Exception {
        int sentences = 2_000;
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < sentences; i++) {
            text.append(SUBJECTS[i % SUBJECTS.length]).append(' ')
                    .append(PREDICATES[(i / SUBJECTS.length) % PREDICATES.length])
                    .append(" on day ").append(i + 1).append(".\n");
        }
        ITextEditor editor = Workspace.open(Workspace.file(Workspace.project("writer"), "long.txt", text.toString()));
        // the same probe for two seconds with the editor open and no heatmap: what this machine's load costs anyway
        UiThreadProbe idle = new UiThreadProbe(Display.getCurrent());
        idle.start();
        UiTestSupport.runEventLoopFor(2_000);
        long idleStall = idle.stop();
        UiThreadProbe probe = new UiThreadProbe(Display.getCurrent());
        long start = System.nanoTime();
        EditorHeatmap heatmap = toggleHeatmap(editor);
        probe.start();
        UiTestSupport.runEventLoopUntil(() -> heatmap.annotationCount() == sentences
                && Job.getJobManager().find(JobFamilies.HEATMAP).length == 0);
        long maxStall = probe.stop();
        System.out.printf(
                "heatmap: %d sentences in %d ms, UI thread max stall %d ms (%d ms idle, without the heatmap)%n",
                sentences, (System.nanoTime() - start) / 1_000_000, maxStall, idleStall);

        UiTestSupport.screenshot(editor.getSite().getShell(), "heatmap-long");
        IAnnotationModel model = editor.getDocumentProvider().getAnnotationModel(editor.getEditorInput());
        int lastSentence = text.lastIndexOf(SUBJECTS[(sentences - 1) % SUBJECTS.length]);
        assertTrue(heatmapAnnotationAt(model, lastSentence), "the last sentence is coloured too");
        assertTrue(maxStall < 500, "the UI thread answered within 500 ms throughout, worst " + maxStall + " ms");
    }

    @Test
    void oneSentenceIsColouredToo() throws Exception {
        ITextEditor editor = Workspace
                .open(Workspace.file(Workspace.project("writer"), "one.txt", TestCorpus.GLACIERS));
        EditorHeatmap heatmap = toggleHeatmap(editor);
        UiTestSupport.waitFor(JobFamilies.HEATMAP, () -> heatmap.annotationCount() == 1);
        IAnnotationModel model = editor.getDocumentProvider().getAnnotationModel(editor.getEditorInput());
        assertTrue(heatmapAnnotationAt(model, 0));
    }

    @Test
    void editsRescoreOnceAfterTheDelay() throws Exception {
        ITextEditor editor = Workspace.open(Workspace.file(Workspace.project("writer"), "edited.txt", TEXT));
        EditorHeatmap heatmap = toggleHeatmap(editor);
        UiTestSupport.waitFor(JobFamilies.HEATMAP, () -> heatmap.annotationCount() == 4);

        store.setValue(NoveltyLensPreferences.LIVE_DELAY_MILLIS, 300);
        IDocument document = editor.getDocumentProvider().getDocument(editor.getEditorInput());
        document.replace(document.getLength(), 0, "The lighthouse keeper counted ships.\n");
        document.replace(document.getLength(), 0, "Bees dance to point at flowers.\n");
        Job[] pending = Job.getJobManager().find(JobFamilies.HEATMAP);
        assertEquals(1, pending.length, "two quick edits leave one rescoring job");
        assertEquals(Job.SLEEPING, pending[0].getState(), "it waits for the delay");
        UiTestSupport.waitFor(JobFamilies.HEATMAP, () -> heatmap.annotationCount() == 6
                && Job.getJobManager().find(JobFamilies.HEATMAP).length == 0);
        assertTrue(heatmapAnnotationAt(editor.getDocumentProvider().getAnnotationModel(editor.getEditorInput()),
                document.get().indexOf("Bees dance")));
    }

    private static EditorHeatmap toggleHeatmap(ITextEditor editor) throws Exception {
        Workspace.page().activate(editor);
        PlatformUI.getWorkbench().getService(IHandlerService.class).executeCommand("io.noveltylens.ui.toggleHeatmap",
                null);
        return NoveltyLensPlugin.getDefault().getHeatmaps().of(editor);
    }

    /**
     * The share of the pixels within {@code area} of {@code text} that show {@code colour} (the glyphs take the rest),
     * once the editor has repainted by itself: GTK paints in a later frame than the one that changed the styles, so
     * this runs the event loop for up to five seconds (a screenshot taken right after the change showed the old frame).
     */
    private static double paintedShare(StyledText text, Rectangle area, RGB colour) {
        long deadline = System.currentTimeMillis() + 5_000;
        double share = 0;
        while (share <= 0.5 && System.currentTimeMillis() < deadline) {
            UiTestSupport.runEventLoopFor(100);
            ImageData data = UiTestSupport.capture(text);
            int matching = 0;
            for (int y = area.y; y < area.y + area.height; y++) {
                for (int x = area.x; x < area.x + area.width; x++) {
                    if (data.palette.getRGB(data.getPixel(x, y)).equals(colour)) {
                        matching++;
                    }
                }
            }
            share = matching / (double) (area.width * area.height);
        }
        return share;
    }

    private static boolean heatmapAnnotationAt(IAnnotationModel model, int offset) {
        for (Iterator<Annotation> it = model.getAnnotationIterator(); it.hasNext();) {
            Annotation annotation = it.next();
            Position position = model.getPosition(annotation);
            if (annotation.getType().startsWith("io.noveltylens.ui.heatmap.") && position != null
                    && position.getOffset() <= offset && offset < position.getOffset() + position.getLength()) {
                return true;
            }
        }
        return false;
    }

    @Test
    void toggleHeatmapAnnotatesEverySentenceWithItsReadouts() throws Exception {
        IFile file = Workspace.file(Workspace.project("writer"), "chapter.txt", TEXT);
        ITextEditor editor = Workspace.open(file);
        UiTestSupport.sizeWindow(editor.getSite().getShell());
        PlatformUI.getWorkbench().getService(IHandlerService.class).executeCommand("io.noveltylens.ui.toggleHeatmap",
                null);
        EditorHeatmap heatmap = NoveltyLensPlugin.getDefault().getHeatmaps().of(editor);
        UiTestSupport.waitFor(JobFamilies.HEATMAP, () -> heatmap.annotationCount() == 4);

        IAnnotationModel model = editor.getDocumentProvider().getAnnotationModel(editor.getEditorInput());
        Set<String> types = new HashSet<>();
        for (Iterator<Annotation> it = model.getAnnotationIterator(); it.hasNext();) {
            Annotation annotation = it.next();
            if (annotation.getType().startsWith("io.noveltylens.ui.heatmap.")) {
                types.add(annotation.getType());
                assertTrue(annotation.getText().startsWith("Match level: "), annotation.getText());
            }
        }
        assertTrue(!types.isEmpty(), "heatmap annotations in the editor");
        UiTestSupport.spin();
        // what the user sees: the first sentence (a corpus sentence, identical) is painted with its level's colour
        StyledText text = ((ITextViewer) editor.getAdapter(ITextOperationTarget.class)).getTextWidget();
        StyleRange first = text.getStyleRangeAtOffset(0);
        assertTrue(first != null && first.background != null, "the identical sentence has a background: " + first);
        assertEquals(0, text.getLineAtOffset(text.getCaretOffset()), "the caret is on the identical sentence's line");
        RGB identical = PreferenceConverter.getColor(EditorsUI.getPreferenceStore(),
                "io.noveltylens.heatmap.identical.color");
        Rectangle sentence = text.getTextBounds(0, TestCorpus.LIBRARY.length() - 1);
        double painted = paintedShare(text, sentence, identical);
        assertTrue(painted > 0.5, "the identical colour is painted over the current-line colour on "
                + Math.round(painted * 100) + "% of the sentence's pixels");
        UiTestSupport.screenshot(editor.getSite().getShell(), "heatmap");

        Workspace.page().activate(editor);
        PlatformUI.getWorkbench().getService(IHandlerService.class).executeCommand("io.noveltylens.ui.toggleHeatmap",
                null);
        UiTestSupport.spin();
        assertTrue(heatmap.annotationCount() == 0, "toggling off removes the annotations");
    }
}
