package io.noveltylens.ui.view;

import org.eclipse.jface.viewers.ColumnLabelProvider;

import io.noveltylens.core.index.Neighbour;
import io.noveltylens.ui.Messages;
import io.noveltylens.ui.format.ReadoutFormat;

/** Label providers for the columns of the neighbours table; one per column, as JFace's column viewers expect. */
final class NeighbourLabels {

    private static final int SNIPPET_CHARS = 160;

    private NeighbourLabels() {
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
