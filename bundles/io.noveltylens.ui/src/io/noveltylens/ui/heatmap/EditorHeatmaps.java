package io.noveltylens.ui.heatmap;

import java.util.HashMap;
import java.util.Map;

import org.eclipse.jface.preference.IPreferenceStore;
import org.eclipse.ui.IPartListener2;
import org.eclipse.ui.IWorkbenchPartReference;
import org.eclipse.ui.texteditor.ITextEditor;

import io.noveltylens.ui.engine.EngineService;

/** The editors whose heatmap is on; a heatmap ends when the user toggles it off or closes its editor. */
public final class EditorHeatmaps {

    private final Map<ITextEditor, EditorHeatmap> heatmaps = new HashMap<>();
    private final EngineService engines;
    private final IPreferenceStore store;

    public EditorHeatmaps(EngineService engines, IPreferenceStore store) {
        this.engines = engines;
        this.store = store;
    }

    /** Turns the heatmap of {@code editor} on or off; returns whether it is on now. Call on the UI thread. */
    public boolean toggle(ITextEditor editor) {
        EditorHeatmap existing = heatmaps.remove(editor);
        if (existing != null) {
            existing.stop();
            return false;
        }
        EditorHeatmap heatmap = new EditorHeatmap(editor, engines, store);
        heatmaps.put(editor, heatmap);
        editor.getSite().getPage().addPartListener(new ClosingListener(editor));
        heatmap.start();
        return true;
    }

    /** For tests: the heatmap of an editor, or null. */
    public EditorHeatmap of(ITextEditor editor) {
        return heatmaps.get(editor);
    }

    private final class ClosingListener implements IPartListener2 {
        private final ITextEditor editor;

        ClosingListener(ITextEditor editor) {
            this.editor = editor;
        }

        @Override
        public void partClosed(IWorkbenchPartReference reference) {
            if (reference.getPart(false) == editor) {
                EditorHeatmap heatmap = heatmaps.remove(editor);
                if (heatmap != null) {
                    heatmap.stop();
                }
                reference.getPage().removePartListener(this);
            }
        }
    }
}
