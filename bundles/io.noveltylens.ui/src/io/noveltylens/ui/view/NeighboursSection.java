package io.noveltylens.ui.view;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.IWorkbenchPartSite;
import org.eclipse.ui.PartInitException;

import io.noveltylens.core.index.Neighbour;
import io.noveltylens.ui.Messages;

/**
 * The nearest corpus passages: similarity, snippet, source. Double-click reads a passage beside the analysed text
 * ({@link SideBySideView}); the context menu also opens its source at the passage.
 */
final class NeighboursSection {

    private static final int VISIBLE_ROWS = 8;

    private final TableViewer viewer;
    private final IWorkbenchPartSite site;
    private final Function<String, Path> sourceResolver;
    private final Supplier<String> analysed;

    /** @param analysed the text whose neighbours are on show */
    NeighboursSection(Composite parent, IWorkbenchPartSite site, Function<String, Path> sourceResolver,
            Supplier<String> analysed) {
        this.site = site;
        this.sourceResolver = sourceResolver;
        this.analysed = analysed;
        viewer = NeighbourLabels.table(parent, SWT.MULTI, VISIBLE_ROWS);
        viewer.addDoubleClickListener(event -> readSideBySide());
        MenuManager menu = new MenuManager();
        menu.add(action(Messages.NeighboursSection_sideBySide, this::readSideBySide));
        menu.add(action(Messages.NeighboursSection_openSource, this::openSource));
        viewer.getTable().setMenu(menu.createContextMenu(viewer.getTable()));
    }

    void show(List<Neighbour> neighbours) {
        viewer.setInput(neighbours);
    }

    TableViewer viewer() {
        return viewer;
    }

    private static Action action(String text, Runnable run) {
        return new Action(text) {
            @Override
            public void run() {
                run.run();
            }
        };
    }

    /** The selected neighbour with a source, or null. */
    private Neighbour selected() {
        return viewer.getStructuredSelection().getFirstElement() instanceof Neighbour neighbour
                && !neighbour.sources().isEmpty() ? neighbour : null;
    }

    private void readSideBySide() {
        Neighbour neighbour = selected();
        if (neighbour == null) {
            return;
        }
        try {
            SideBySideView.open(site.getPage(), analysed.get(), neighbour,
                    sourceResolver.apply(neighbour.sources().get(0).source()));
        } catch (PartInitException e) {
            MessageDialog.openError(site.getShell(), Messages.NeighboursSection_openFailed, e.getMessage());
        }
    }

    private void openSource() {
        Neighbour neighbour = selected();
        if (neighbour == null) {
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
