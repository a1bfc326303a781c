package io.noveltylens.ui.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;

import org.eclipse.core.resources.IFile;
import org.eclipse.jface.text.ITextOperationTarget;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.source.Annotation;
import org.eclipse.jface.text.source.IAnnotationModel;
import org.eclipse.swt.custom.StyleRange;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.IHandlerService;
import org.eclipse.ui.texteditor.ITextEditor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.noveltylens.ui.NoveltyLensPlugin;
import io.noveltylens.ui.analysis.JobFamilies;
import io.noveltylens.ui.heatmap.EditorHeatmap;

class HeatmapTest {

    private static final String TEXT = TestCorpus.LIBRARY + "\n" + TestCorpus.GLACIERS //$NON-NLS-1$
            + "\nMy grandmother's kitchen radio only played static and Sunday hymns.\n" //$NON-NLS-1$
            + "Tax law in medieval Venice rewarded merchants who insured each other's cargo.\n"; //$NON-NLS-1$

    @BeforeAll
    static void indexCorpus() throws Exception {
        TestCorpus.install();
    }

    @Test
    void toggleHeatmapAnnotatesEverySentenceWithItsReadouts() throws Exception {
        IFile file = Workspace.file(Workspace.project("writer"), "chapter.txt", TEXT); //$NON-NLS-1$ //$NON-NLS-2$
        ITextEditor editor = Workspace.open(file);
        UiTestSupport.sizeWindow(editor.getSite().getShell());
        PlatformUI.getWorkbench().getService(IHandlerService.class).executeCommand("io.noveltylens.ui.toggleHeatmap", null); //$NON-NLS-1$
        EditorHeatmap heatmap = NoveltyLensPlugin.getDefault().getHeatmaps().of(editor);
        UiTestSupport.waitFor(JobFamilies.HEATMAP, () -> heatmap.annotationCount() == 4);

        IAnnotationModel model = editor.getDocumentProvider().getAnnotationModel(editor.getEditorInput());
        Set<String> types = new HashSet<>();
        for (Iterator<Annotation> it = model.getAnnotationIterator(); it.hasNext();) {
            Annotation annotation = it.next();
            if (annotation.getType().startsWith("io.noveltylens.ui.heatmap.")) { //$NON-NLS-1$
                types.add(annotation.getType());
                assertTrue(annotation.getText().startsWith("Novelty percentile"), annotation.getText()); //$NON-NLS-1$
            }
        }
        assertTrue(!types.isEmpty(), "heatmap annotations in the editor"); //$NON-NLS-1$
        UiTestSupport.spin();
        // what the user sees: the first sentence (a corpus sentence, an echo) is painted with its band's colour
        StyledText text = ((ITextViewer) editor.getAdapter(ITextOperationTarget.class)).getTextWidget();
        StyleRange first = text.getStyleRangeAtOffset(0);
        assertTrue(first != null && first.background != null, "the echo sentence has a background: " + first); //$NON-NLS-1$
        UiTestSupport.screenshot(editor.getSite().getShell(), "heatmap"); //$NON-NLS-1$

        Workspace.page().activate(editor);
        PlatformUI.getWorkbench().getService(IHandlerService.class).executeCommand("io.noveltylens.ui.toggleHeatmap", null); //$NON-NLS-1$
        UiTestSupport.spin();
        assertTrue(heatmap.annotationCount() == 0, "toggling off removes the annotations"); //$NON-NLS-1$
        Workspace.page().closeAllEditors(false);
    }
}
