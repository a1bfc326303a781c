package io.noveltylens.ui.prefs;

import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.IPath;
import org.eclipse.jface.preference.StringButtonFieldEditor;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.dialogs.ContainerSelectionDialog;

import io.noveltylens.ui.Messages;
import io.noveltylens.ui.NoveltyLensPreferences;

/**
 * "My drafts": the workspace path of a project or folder, typed or chosen in the workspace's container dialog; a path
 * that names no open project or folder is refused with what is wrong, empty means no drafts.
 */
final class DraftsFolderEditor extends StringButtonFieldEditor {

    DraftsFolderEditor(Composite parent) {
        super(NoveltyLensPreferences.DRAFTS_FOLDER, Messages.PreferencePage_drafts, parent);
        setChangeButtonText(Messages.PreferencePage_draftsBrowse);
        setEmptyStringAllowed(true);
        getTextControl(parent).setToolTipText(Messages.PreferencePage_draftsTooltip);
    }

    @Override
    protected String changePressed() {
        ContainerSelectionDialog dialog = new ContainerSelectionDialog(getShell(), current(), false,
                Messages.PreferencePage_draftsChoose);
        if (dialog.open() == ContainerSelectionDialog.OK && dialog.getResult().length == 1
                && dialog.getResult()[0] instanceof IPath path) {
            return path.toString();
        }
        return null;
    }

    private IContainer current() {
        String path = getStringValue().strip();
        IResource member = path.isEmpty() || !IPath.ROOT.isValidPath(path) ? null
                : ResourcesPlugin.getWorkspace().getRoot().findMember(path);
        return member instanceof IContainer container ? container : null;
    }

    @Override
    protected boolean doCheckState() {
        String path = getStringValue().strip();
        if (path.isEmpty() || current() != null && current().isAccessible()) {
            return true;
        }
        setErrorMessage(NLS.bind(Messages.PreferencePage_draftsMissing, path));
        return false;
    }
}
