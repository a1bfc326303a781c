package io.noveltylens.ui.handlers;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.jface.text.Position;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.handlers.HandlerUtil;
import org.eclipse.ui.texteditor.ITextEditor;

import io.noveltylens.ui.Messages;
import io.noveltylens.ui.heatmap.EditorHeatmap;
import io.noveltylens.ui.plugin.NoveltyLensPlugin;
import io.noveltylens.ui.view.SideBySideView;

/**
 * Read Beside Its Nearest Passage: the heatmap sentence at the cursor beside the corpus passage nearest it, in the
 * side-by-side view. The editor's own double-click selects a word, so this is a context-menu command.
 */
public final class ReadBesideNearestHandler extends AbstractHandler {

    @Override
    public Object execute(ExecutionEvent event) throws ExecutionException {
        if (!(HandlerUtil.getActiveEditor(event) instanceof ITextEditor editor)
                || !(editor.getSelectionProvider().getSelection() instanceof ITextSelection caret)) {
            return null;
        }
        NoveltyLensPlugin plugin = NoveltyLensPlugin.getDefault();
        EditorHeatmap heatmap = plugin.getHeatmaps().of(editor);
        Position sentence = heatmap == null ? null : heatmap.sentenceAt(caret.getOffset());
        if (sentence == null) {
            MessageDialog.openInformation(HandlerUtil.getActiveShell(event), Messages.ReadBesideNearest_title,
                    Messages.ReadBesideNearest_noSentence);
            return null;
        }
        IDocument document = editor.getDocumentProvider().getDocument(editor.getEditorInput());
        try {
            SideBySideView.openNearest(editor.getSite().getPage(),
                    document.get(sentence.getOffset(), sentence.getLength()), plugin.getEngineService());
        } catch (BadLocationException | PartInitException e) {
            throw new ExecutionException(e.getMessage(), e);
        }
        return null;
    }
}
