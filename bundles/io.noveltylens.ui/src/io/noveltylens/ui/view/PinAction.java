package io.noveltylens.ui.view;

import org.eclipse.jface.action.Action;

import io.noveltylens.ui.Messages;
import io.noveltylens.ui.NoveltyLensImages;
import io.noveltylens.ui.plugin.NoveltyLensPlugin;

/** Keeps the report on show while the user selects elsewhere; the Analyze Novelty command still replaces it. */
final class PinAction extends Action {

    PinAction() {
        super(Messages.PinAction_text, AS_CHECK_BOX);
        setToolTipText(Messages.PinAction_tooltip);
        setImageDescriptor(NoveltyLensPlugin.descriptor(NoveltyLensImages.PIN));
    }
}
