package io.noveltylens.ui.handlers;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.ui.handlers.HandlerUtil;
import org.eclipse.ui.texteditor.ITextEditor;

import io.noveltylens.ui.plugin.NoveltyLensPlugin;

/** Toggle Novelty Heatmap: colours the sentences of the active text editor by novelty, or removes the colours. */
public final class ToggleHeatmapHandler extends AbstractHandler {

    @Override
    public Object execute(ExecutionEvent event) {
        if (HandlerUtil.getActiveEditor(event) instanceof ITextEditor editor) {
            NoveltyLensPlugin.getDefault().getHeatmaps().toggle(editor);
        }
        return null;
    }
}
