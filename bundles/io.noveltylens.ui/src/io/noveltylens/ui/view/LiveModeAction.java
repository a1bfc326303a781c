package io.noveltylens.ui.view;

import org.eclipse.jface.action.Action;
import org.eclipse.jface.preference.IPreferenceStore;

import io.noveltylens.ui.Messages;
import io.noveltylens.ui.NoveltyLensImages;
import io.noveltylens.ui.NoveltyLensPreferences;
import io.noveltylens.ui.plugin.NoveltyLensPlugin;

/** Turns live mode on and off; the state is the preference, so it survives restarts and matches the preference page. */
final class LiveModeAction extends Action {

    private final IPreferenceStore store;

    LiveModeAction(IPreferenceStore store) {
        super(Messages.LiveModeAction_text, AS_CHECK_BOX);
        this.store = store;
        setToolTipText(Messages.LiveModeAction_tooltip);
        setImageDescriptor(NoveltyLensPlugin.descriptor(NoveltyLensImages.LIVE));
        setChecked(store.getBoolean(NoveltyLensPreferences.LIVE_MODE));
    }

    @Override
    public void run() {
        store.setValue(NoveltyLensPreferences.LIVE_MODE, isChecked());
    }
}
