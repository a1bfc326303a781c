package io.noveltylens.ui.view;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.CellLabelProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.ColumnViewerToolTipSupport;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;

import io.noveltylens.core.index.Neighbour;
import io.noveltylens.ui.Messages;
import io.noveltylens.ui.format.ReadoutFormat;

/**
 * The neighbours tables and the label providers of their columns; one per column, as JFace's column viewers expect.
 */
final class NeighbourLabels {

    private static final int SNIPPET_CHARS = 160;

    private NeighbourLabels() {
    }

    /**
     * A table of neighbours (similarity, passage, source) {@code rows} rows high, as the corpus's and the drafts'
     * sections show them.
     */
    static TableViewer table(Composite parent, int style, int rows) {
        TableViewer viewer = new TableViewer(parent, style | SWT.FULL_SELECTION | SWT.BORDER | SWT.V_SCROLL);
        viewer.getTable().setHeaderVisible(true);
        viewer.getTable().setLinesVisible(true);
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        column(viewer, Messages.NeighboursSection_similarity, 80, new Similarity());
        column(viewer, Messages.NeighboursSection_passage, 420, new Passage());
        column(viewer, Messages.NeighboursSection_source, 200, new Source());
        ColumnViewerToolTipSupport.enableFor(viewer);
        GridDataFactory.fillDefaults().grab(true, false)
                .hint(100, viewer.getTable().getItemHeight() * rows + viewer.getTable().getHeaderHeight())
                .applyTo(viewer.getTable());
        return viewer;
    }

    private static void column(TableViewer viewer, String title, int width, CellLabelProvider labels) {
        TableViewerColumn column = new TableViewerColumn(viewer, SWT.NONE);
        column.getColumn().setText(title);
        column.getColumn().setWidth(width);
        column.setLabelProvider(labels);
    }

    static final class Similarity extends ColumnLabelProvider {
        @Override
        public String getText(Object element) {
            return ReadoutFormat.similarity(((Neighbour) element).cosine());
        }

        @Override
        public String getToolTipText(Object element) {
            return Messages.NeighbourLabels_similarityTooltip;
        }
    }

    static final class Passage extends ColumnLabelProvider {
        @Override
        public String getText(Object element) {
            return ReadoutFormat.snippet(((Neighbour) element).text(), SNIPPET_CHARS);
        }

        @Override
        public String getToolTipText(Object element) {
            return ((Neighbour) element).text();
        }
    }

    static final class Source extends ColumnLabelProvider {
        @Override
        public String getText(Object element) {
            Neighbour neighbour = (Neighbour) element;
            return neighbour.sources().isEmpty() ? "" : ReadoutFormat.source(neighbour.sources().get(0)); //$NON-NLS-1$
        }

        @Override
        public String getToolTipText(Object element) {
            Neighbour neighbour = (Neighbour) element;
            return neighbour.sources().isEmpty() ? null : neighbour.sources().get(0).source();
        }
    }
}
