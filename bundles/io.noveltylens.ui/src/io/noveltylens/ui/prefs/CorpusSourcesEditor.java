package io.noveltylens.ui.prefs;

import org.eclipse.jface.preference.ListEditor;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.FileDialog;

import io.noveltylens.ui.Messages;
import io.noveltylens.ui.NoveltyLensPreferences;

/**
 * The corpus sources: folders (a workspace project is a folder too) and single files, one per line in the
 * preference. ListEditor's own button adds folders; a second button adds files.
 */
final class CorpusSourcesEditor extends ListEditor {

    private Button addFile;

    CorpusSourcesEditor(String name, String label, Composite parent) {
        super(name, label, parent);
        setPreferenceName(name);
        getAddButton().setText(Messages.CorpusSourcesEditor_addFolder);
    }

    @Override
    protected void doFillIntoGrid(Composite parent, int numColumns) {
        super.doFillIntoGrid(parent, numColumns);
        Composite buttons = getButtonBoxControl(parent);
        addFile = new Button(buttons, SWT.PUSH);
        addFile.setText(Messages.CorpusSourcesEditor_addFile);
        addFile.setLayoutData(new GridData(GridData.FILL_HORIZONTAL));
        addFile.addListener(SWT.Selection, event -> {
            String file = new FileDialog(addFile.getShell(), SWT.OPEN).open();
            if (file != null) {
                getList().add(file);
            }
        });
    }

    /** ListEditor enables its own buttons only: the corpus choice must disable the file button too. */
    @Override
    public void setEnabled(boolean enabled, Composite parent) {
        super.setEnabled(enabled, parent);
        addFile.setEnabled(enabled);
    }

    @Override
    protected String getNewInputObject() {
        DirectoryDialog dialog = new DirectoryDialog(getShell());
        dialog.setMessage(Messages.CorpusSourcesEditor_chooseFolder);
        return dialog.open();
    }

    @Override
    protected String createList(String[] items) {
        return String.join(NoveltyLensPreferences.SOURCES_SEPARATOR, items);
    }

    @Override
    protected String[] parseString(String stringList) {
        return stringList.isBlank() ? new String[0] : stringList.split(NoveltyLensPreferences.SOURCES_SEPARATOR);
    }
}
