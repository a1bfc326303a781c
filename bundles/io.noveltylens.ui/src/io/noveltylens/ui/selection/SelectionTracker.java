package io.noveltylens.ui.selection;

import java.util.function.Consumer;

import org.eclipse.jface.viewers.ISelection;
import org.eclipse.ui.ISelectionListener;
import org.eclipse.ui.ISelectionService;
import org.eclipse.ui.IWorkbenchPart;

/**
 * Reports the text the user selects anywhere in the window except in the given part (the Novelty view itself).
 * It listens to post-selection events, which text viewers send once the caret or mouse comes to rest, so a drag or a
 * Shift+arrow run does not produce an event per character; the analysis scheduler debounces on top of that.
 */
public final class SelectionTracker implements ISelectionListener {

    private final ISelectionService selections;
    private final IWorkbenchPart owner;
    private final Consumer<String> onText;
    private volatile String lastText;

    public SelectionTracker(ISelectionService selections, IWorkbenchPart owner, Consumer<String> onText) {
        this.selections = selections;
        this.owner = owner;
        this.onText = onText;
        this.lastText = SelectedText.of(selections.getSelection()).orElse(null);
        selections.addPostSelectionListener(this);
    }

    @Override
    public void selectionChanged(IWorkbenchPart part, ISelection selection) {
        if (part != owner) {
            SelectedText.of(selection).ifPresent(text -> {
                lastText = text;
                onText.accept(text);
            });
        }
    }

    /** The text selected last outside the owner, for an analysis the user asks for from the owner's toolbar. */
    public String lastText() {
        return lastText;
    }

    public void dispose() {
        selections.removePostSelectionListener(this);
    }
}
