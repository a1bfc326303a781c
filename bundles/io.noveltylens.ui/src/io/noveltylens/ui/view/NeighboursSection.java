package io.noveltylens.ui.view;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.CellLabelProvider;
import org.eclipse.jface.viewers.ColumnViewerToolTipSupport;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.IWorkbenchPartSite;
import org.eclipse.ui.PartInitException;

import io.noveltylens.core.index.Neighbour;
import io.noveltylens.ui.Messages;

/** The nearest corpus passages: similarity, snippet, source; double-click opens the source at the passage. */
final class NeighboursSection {

    private static final int VISIBLE_ROWS = 8;

    private final TableViewer viewer;
    private final IWorkbenchPartSite site;
    private final Function<String, Path> sourceResolver;

    NeighboursSection(Composite parent, IWorkbenchPartSite site, Function<String, Path> sourceResolver) {
        this.site = site;
        this.sourceResolver = sourceResolver;
        viewer = new TableViewer(parent, SWT.MULTI | SWT.FULL_SELECTION | SWT.BORDER | SWT.V_SCROLL);
        viewer.getTable().setHeaderVisible(true);
        viewer.getTable().setLinesVisible(true);
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        column(Messages.NeighboursSection_similarity, 80, new NeighbourLabels.Similarity());
        column(Messages.NeighboursSection_passage, 420, new NeighbourLabels.Passage());
        column(Messages.NeighboursSection_source, 200, new NeighbourLabels.Source());
        ColumnViewerToolTipSupport.enableFor(viewer);
        GridDataFactory.fillDefaults().grab(true, false)
                .hint(100, viewer.getTable().getItemHeight() * VISIBLE_ROWS + viewer.getTable().getHeaderHeight())
                .applyTo(viewer.getTable());
        viewer.addDoubleClickListener(event -> open((IStructuredSelection) event.getSelection()));
    }

    private void column(String title, int width, CellLabelProvider labels) {
        TableViewerColumn column = new TableViewerColumn(viewer, SWT.NONE);
        column.getColumn().setText(title);
        column.getColumn().setWidth(width);
        column.setLabelProvider(labels);
    }

    void show(List<Neighbour> neighbours) {
        viewer.setInput(neighbours);
    }

    TableViewer viewer() {
        return viewer;
    }

    private void open(IStructuredSelection selection) {
        if (!(selection.getFirstElement() instanceof Neighbour neighbour) || neighbour.sources().isEmpty()) {
            return;
        }
        var provenance = neighbour.sources().get(0);
        try {
            PassageOpener.open(site.getPage(), sourceResolver.apply(provenance.source()), provenance);
        } catch (PartInitException e) {
            MessageDialog.openError(site.getShell(), Messages.NeighboursSection_openFailed, e.getMessage());
        }
    }
}
