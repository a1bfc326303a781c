package io.noveltylens.ui.view;

import java.util.List;
import java.util.stream.Collectors;

import org.eclipse.jface.action.Action;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.dnd.Clipboard;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.dnd.Transfer;
import org.eclipse.ui.ISharedImages;
import org.eclipse.ui.PlatformUI;

import io.noveltylens.core.index.Neighbour;
import io.noveltylens.ui.Messages;
import io.noveltylens.ui.format.ReadoutFormat;

/**
 * Copies the selected neighbours (all of them when none is selected) as tab-separated lines: similarity, passage,
 * source and line, ready to paste into a spreadsheet or a note.
 */
final class CopyNeighboursAction extends Action {

    private final TableViewer viewer;

    CopyNeighboursAction(TableViewer viewer) {
        super(Messages.CopyNeighboursAction_text);
        this.viewer = viewer;
        setToolTipText(Messages.CopyNeighboursAction_tooltip);
        setImageDescriptor(PlatformUI.getWorkbench().getSharedImages().getImageDescriptor(ISharedImages.IMG_TOOL_COPY));
        setEnabled(false);
    }

    @Override
    public void run() {
        List<?> rows = ((IStructuredSelection) viewer.getSelection()).toList();
        if (rows.isEmpty() && viewer.getInput() instanceof List<?> all) {
            rows = all;
        }
        String text = rows.stream().map(Neighbour.class::cast).map(CopyNeighboursAction::line)
                .collect(Collectors.joining(System.lineSeparator()));
        if (text.isEmpty()) {
            return;
        }
        Clipboard clipboard = new Clipboard(viewer.getControl().getDisplay());
        try {
            clipboard.setContents(new Object[] { text }, new Transfer[] { TextTransfer.getInstance() });
        } finally {
            clipboard.dispose();
        }
    }

    static String line(Neighbour neighbour) {
        String source = neighbour.sources().isEmpty() ? "" //$NON-NLS-1$
                : neighbour.sources().get(0).source() + ':' + neighbour.sources().get(0).line();
        return ReadoutFormat.similarity(neighbour.cosine()) + '\t' + neighbour.text().replaceAll("\\s+", " ").strip() //$NON-NLS-1$ //$NON-NLS-2$
                + '\t' + source;
    }
}
