package io.noveltylens.ui;

import org.eclipse.swt.widgets.Control;
import org.eclipse.ui.PlatformUI;

/**
 * The F1 help of each part: a context of help/contexts.xml (its description and the user guide's pages on the part),
 * which the help system shows when F1 is pressed anywhere in the control it is attached to.
 */
public enum HelpContexts {
    NOVELTY_VIEW("noveltyView"), //$NON-NLS-1$
    SIDE_BY_SIDE_VIEW("sideBySideView"), //$NON-NLS-1$
    ANNOTATION_RESULTS_VIEW("annotationResultsView"), //$NON-NLS-1$
    COMPARISON_VIEW("comparisonView"), //$NON-NLS-1$
    PREFERENCE_PAGE("preferencePage"); //$NON-NLS-1$

    private final String localId;

    HelpContexts(String localId) {
        this.localId = localId;
    }

    /** The context's id as the help system knows it: contexts.xml's id in this bundle's name space. */
    public String id() {
        return "io.noveltylens.ui." + localId; //$NON-NLS-1$
    }

    /** F1 in {@code control} or any of its children shows this context. */
    public void attach(Control control) {
        PlatformUI.getWorkbench().getHelpSystem().setHelp(control, id());
    }
}
