package io.noveltylens.ui.selection;

import java.util.Optional;

import org.eclipse.core.runtime.Adapters;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.IStructuredSelection;

/** Extracts the passage a selection offers: the text of a text selection, from an editor or from any view that has one. */
public final class SelectedText {

    private SelectedText() {
    }

    /** The selected text, trimmed; empty when the selection has no text worth analysing (a caret, whitespace). */
    public static Optional<String> of(ISelection selection) {
        String text = null;
        if (selection instanceof ITextSelection textSelection) {
            text = textSelection.getText();
        } else if (selection instanceof IStructuredSelection structured && structured.size() == 1) {
            text = Adapters.adapt(structured.getFirstElement(), String.class);
        }
        return text == null || text.isBlank() ? Optional.empty() : Optional.of(text.strip());
    }
}
