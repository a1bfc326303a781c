package io.noveltylens.ui.view;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.IFile;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.IWorkbenchPartSite;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.texteditor.ITextEditor;

import io.noveltylens.core.analysis.NoveltyReport;
import io.noveltylens.core.corpus.Provenance;
import io.noveltylens.core.drafts.AnalysedPassage;
import io.noveltylens.core.drafts.DraftsUpdate;
import io.noveltylens.core.embed.Embedding;
import io.noveltylens.core.index.Neighbour;
import io.noveltylens.ui.Messages;
import io.noveltylens.ui.engine.DraftsService;
import io.noveltylens.ui.plugin.NoveltyLensPlugin;

/**
 * "From your drafts": the passages of the writer's own drafts nearest the analysed one (similarity, passage, file and
 * line), beside the corpus's neighbours and read against nothing (the calibrated readouts stay the corpus's). The
 * search runs in a job; the list is asked again when the drafts change, so a file saved a moment ago shows without
 * selecting again. Double-click opens the draft at the passage.
 */
final class DraftsSection {

    private static final int VISIBLE_ROWS = 5;

    private final IWorkbenchPartSite site;
    private final DraftsService drafts = NoveltyLensPlugin.getDefault().getDrafts();
    private final WrappingText status;
    private final TableViewer viewer;
    private final Consumer<DraftsUpdate> updateListener = update -> searchLater();
    /** On the UI thread: the report on show and where its passage is. */
    private NoveltyReport report;
    private AnalysedPassage analysed;

    DraftsSection(Composite parent, IWorkbenchPartSite site) {
        this.site = site;
        status = Section.wrappingText(parent);
        // two lines kept for the status, whose text changes after the page was laid out
        GC gc = new GC(status);
        ((GridData) status.getLayoutData()).heightHint = 2 * gc.getFontMetrics().getHeight();
        gc.dispose();
        viewer = NeighbourLabels.table(parent, SWT.SINGLE, VISIBLE_ROWS);
        viewer.addDoubleClickListener(event -> openSelected());
        drafts.addListener(updateListener);
        viewer.getTable().addDisposeListener(event -> drafts.removeListener(updateListener));
    }

    /** Asks for the drafts' neighbours of a new passage; the same passage with its hull readouts added asks nothing. */
    void show(NoveltyReport newReport) {
        boolean samePassage = report != null && report.embedding() == newReport.embedding();
        report = newReport;
        if (!samePassage) {
            analysed = analysedPassage(newReport.text());
            search();
        }
    }

    /**
     * Where the analysed text is, when it is the selection of the active editor on a workspace file: the draft
     * passages it overlaps are then left out even after unsaved edits made their text differ.
     */
    private AnalysedPassage analysedPassage(String text) {
        if (site.getPage().getActiveEditor() instanceof ITextEditor editor
                && editor.getSelectionProvider().getSelection() instanceof ITextSelection selection
                && selection.getText() != null && editor.getEditorInput().getAdapter(IFile.class) instanceof IFile file
                && file.getLocation() != null) {
            int at = selection.getText().indexOf(text);
            if (at >= 0) {
                int start = selection.getOffset() + at;
                return new AnalysedPassage(file.getLocation().toPath(), start, start + text.length(), text);
            }
        }
        return AnalysedPassage.text(text);
    }

    private void searchLater() {
        if (!viewer.getControl().isDisposed()) {
            viewer.getControl().getDisplay().asyncExec(() -> {
                if (!viewer.getControl().isDisposed() && report != null) {
                    search();
                }
            });
        }
    }

    private void search() {
        IContainer folder = drafts.folder();
        if (folder == null) {
            present(folder, List.of());
            return;
        }
        // the same passage's report with its hull readouts may replace the report meanwhile: it is the same question
        Embedding asked = report.embedding();
        int k = NoveltyLensPlugin.getDefault().getEngineService().configs().neighbours();
        drafts.nearest(asked.unit(), k, analysed, nearest -> viewer.getControl().getDisplay()
                .asyncExec(() -> {
                    if (!viewer.getControl().isDisposed() && asked == report.embedding()) {
                        present(folder, nearest);
                    }
                }));
    }

    private void present(IContainer folder, List<Neighbour> nearest) {
        viewer.setInput(nearest);
        DraftsUpdate update = drafts.lastUpdate();
        String text;
        if (folder == null) {
            text = Messages.DraftsSection_notSet;
        } else if (drafts.lastFailure() != null) {
            text = NLS.bind(Messages.DraftsSection_failed, drafts.lastFailure().getMessage());
        } else if (update == null) {
            text = NLS.bind(Messages.DraftsSection_indexing, folder.getFullPath());
        } else if (nearest.isEmpty()) {
            text = Messages.DraftsSection_none;
        } else {
            text = NLS.bind(Messages.DraftsSection_folder, update.passages(), folder.getFullPath());
        }
        status.setText(text);
    }

    private void openSelected() {
        if (viewer.getStructuredSelection().getFirstElement() instanceof Neighbour neighbour) {
            Provenance place = neighbour.sources().get(0);
            try {
                PassageOpener.open(site.getPage(), Path.of(place.source()), place);
            } catch (PartInitException e) {
                MessageDialog.openError(site.getShell(), Messages.DraftsSection_openFailed, e.getMessage());
            }
        }
    }

    TableViewer viewer() {
        return viewer;
    }

    String statusText() {
        return status.getText();
    }
}
