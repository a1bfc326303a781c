package io.noveltylens.ui.handlers;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchPart;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.handlers.HandlerUtil;

import io.noveltylens.ui.selection.SelectedText;
import io.noveltylens.ui.view.NoveltyView;

/**
 * Analyze Novelty (Ctrl+Alt+N, the editor context menu, the view toolbar): shows the Novelty view without taking the
 * focus from the editor and analyses the selection now, pinned or not, live mode or not.
 */
public final class AnalyzeSelectionHandler extends AbstractHandler {

    @Override
    public Object execute(ExecutionEvent event) throws ExecutionException {
        IWorkbenchPage page = HandlerUtil.getActiveWorkbenchWindowChecked(event).getActivePage();
        IWorkbenchPart active = HandlerUtil.getActivePart(event);
        // from the view's own toolbar the current selection is the view's: the view falls back to the last text selected
        String text = active instanceof NoveltyView ? null
                : SelectedText.of(HandlerUtil.getCurrentSelection(event)).orElse(null);
        try {
            NoveltyView view = (NoveltyView) page.showView(NoveltyView.ID, null, IWorkbenchPage.VIEW_VISIBLE);
            view.analyze(text);
        } catch (PartInitException e) {
            throw new ExecutionException(e.getMessage(), e);
        }
        return null;
    }
}
