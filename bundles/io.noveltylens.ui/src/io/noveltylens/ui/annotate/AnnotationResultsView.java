package io.noveltylens.ui.annotate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import org.eclipse.jface.action.Action;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.ILazyContentProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Table;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.part.ViewPart;

import io.noveltylens.core.NoveltyException;
import io.noveltylens.core.annotate.AnnotationFormat;
import io.noveltylens.core.annotate.ResultRow;
import io.noveltylens.core.annotate.ResultsFile;
import io.noveltylens.ui.HelpContexts;
import io.noveltylens.ui.Messages;
import io.noveltylens.ui.NoveltyLensImages;
import io.noveltylens.ui.plugin.NoveltyLensPlugin;
import io.noveltylens.ui.view.PassageOpener;

/**
 * The results of the last annotation run: one row per passage, sortable by any column, filtered by a minimum
 * percentile; double-click opens the passage; the toolbar exports the run's records as JSON Lines and CSV. The table
 * is virtual: it creates items only for the rows on screen, so 100k rows cost their {@link ResultRow}s and no
 * widgets. Rows arrive while the run goes on, taken from its {@link AnnotationRun} on a timer and merged into the
 * sorted, filtered list, so the UI thread's work per refresh grows with the new rows, not with the table.
 */
public final class AnnotationResultsView extends ViewPart {

    public static final String ID = "io.noveltylens.ui.annotationResultsView"; //$NON-NLS-1$

    /** How often a running annotation's new rows are taken: a few refreshes a second look live and cost little. */
    private static final int REFRESH_MILLIS = 250;

    private TableViewer viewer;
    private Spinner minimumPercentile;
    private AnnotationRun run;
    /** Every row of the run, in run order. */
    private final List<ResultRow> rows = new ArrayList<>();
    /** The rows shown: those at or above the minimum percentile, in the table's order. */
    private List<ResultRow> shown = new ArrayList<>();
    private ResultColumns sortColumn = ResultColumns.PERCENTILE;
    private boolean descending = true;
    /** Whether every row of the run has been taken, the run having finished. */
    private boolean caughtUp;
    /** Counts the reorders, so that only the last one refills the table. */
    private long reorders;

    @Override
    public void createPartControl(Composite parent) {
        HelpContexts.ANNOTATION_RESULTS_VIEW.attach(parent);
        GridLayoutFactory.fillDefaults().numColumns(2).margins(4, 4).applyTo(parent);
        Label filterLabel = new Label(parent, SWT.NONE);
        filterLabel.setText(Messages.AnnotationResultsView_minimumPercentile);
        minimumPercentile = new Spinner(parent, SWT.BORDER);
        minimumPercentile.setValues(0, 0, 100, 0, 5, 10);
        minimumPercentile.addListener(SWT.Modify, event -> reorder());
        viewer = new TableViewer(parent,
                SWT.VIRTUAL | SWT.MULTI | SWT.FULL_SELECTION | SWT.BORDER | SWT.V_SCROLL | SWT.H_SCROLL);
        viewer.getTable().setHeaderVisible(true);
        viewer.getTable().setLinesVisible(true);
        GridDataFactory.fillDefaults().grab(true, true).span(2, 1).applyTo(viewer.getTable());
        viewer.setContentProvider((ILazyContentProvider) index -> viewer.replace(shown.get(index), index));
        for (ResultColumns column : ResultColumns.values()) {
            TableViewerColumn viewerColumn = new TableViewerColumn(viewer, SWT.NONE);
            viewerColumn.getColumn().setText(column.title);
            viewerColumn.getColumn().setWidth(column.width);
            viewerColumn.setLabelProvider(column.labels());
            viewerColumn.getColumn().addListener(SWT.Selection, event -> sortBy(column));
        }
        viewer.addDoubleClickListener(event -> open((IStructuredSelection) event.getSelection()));
        viewer.setInput(rows);
        viewer.setItemCount(0);
        getViewSite().getActionBars().getToolBarManager()
                .add(new ExportAction(Messages.AnnotationResultsView_exportJsonl, AnnotationFormat.JSON_LINES));
        getViewSite().getActionBars().getToolBarManager()
                .add(new ExportAction(Messages.AnnotationResultsView_exportCsv, AnnotationFormat.CSV));
        setContentDescription(Messages.AnnotationResultsView_empty);
    }

    /** Empties the table for a new run and shows its rows as they come; call on the UI thread. */
    public AnnotationRun startRun() {
        run = new AnnotationRun();
        caughtUp = false;
        rows.clear();
        shown = new ArrayList<>();
        viewer.setItemCount(0);
        takeRows(run);
        return run;
    }

    /** Takes the run's new rows, and again after {@link #REFRESH_MILLIS} until the run has finished. */
    private void takeRows(AnnotationRun from) {
        if (viewer.getControl().isDisposed() || from != run) {
            return;
        }
        boolean finished = from.finished();
        AnnotationRun.Taken taken = from.take();
        List<ResultRow> added = taken.rows();
        if (taken.replaceAll()) {
            rows.clear();
            shown = new ArrayList<>();
            // emptied first, as in reorder(): JFace's setItemCount creates an item for every row it drops
            viewer.getTable().setItemCount(0);
        }
        if (!added.isEmpty()) {
            rows.addAll(added);
            shown = merged(shown, added.stream().filter(this::passes).sorted(order()).toList());
            viewer.setItemCount(shown.size());
            viewer.getTable().clearAll();
        }
        setContentDescription(NLS.bind(
                finished ? Messages.AnnotationResultsView_summary : Messages.AnnotationResultsView_running,
                rows.size()));
        if (finished) {
            caughtUp = true;
        } else {
            viewer.getControl().getDisplay().timerExec(REFRESH_MILLIS, () -> takeRows(from));
        }
    }

    /** Two lists sorted by {@link #order()} as one sorted list, in time linear in their sizes. */
    private List<ResultRow> merged(List<ResultRow> a, List<ResultRow> b) {
        Comparator<ResultRow> order = order();
        List<ResultRow> merged = new ArrayList<>(a.size() + b.size());
        int i = 0;
        int j = 0;
        while (i < a.size() && j < b.size()) {
            merged.add(order.compare(a.get(i), b.get(j)) <= 0 ? a.get(i++) : b.get(j++));
        }
        merged.addAll(a.subList(i, a.size()));
        merged.addAll(b.subList(j, b.size()));
        return merged;
    }

    private Comparator<ResultRow> order() {
        return descending ? sortColumn.order.reversed() : sortColumn.order;
    }

    private boolean passes(ResultRow row) {
        return row.percentile() >= minimumPercentile.getSelection();
    }

    /**
     * Filters and sorts every row again, after the filter or the order changed. The table is emptied, then refilled
     * in a later dispatch, so that input is handled between the two: both for 100k rows in one dispatch held the UI
     * thread for up to 257 ms. GTK's repaint of the emptied table still takes about 200 ms (docs/research.md).
     */
    private void reorder() {
        shown = rows.stream().filter(this::passes).sorted(order()).collect(Collectors.toList());
        // JFace's setItemCount, when it shrinks the table, creates an item for every row it drops (to disassociate
        // it): 12 s for 90k rows, measured. Emptying the widget first leaves it only rows to add, which are lazy.
        Table table = viewer.getTable();
        table.setItemCount(0);
        long reorder = ++reorders;
        table.getDisplay().asyncExec(() -> {
            if (!table.isDisposed() && reorder == reorders) {
                viewer.setItemCount(shown.size());
            }
        });
    }

    /** Whether the table holds every row of the run it shows, that run having finished. */
    public boolean caughtUp() {
        return caughtUp;
    }

    /** For tests: the table, to scroll it as a user does. */
    public Table table() {
        return viewer.getTable();
    }

    /** All rows of the run so far, unfiltered, in run order. */
    public List<ResultRow> rows() {
        return List.copyOf(rows);
    }

    /** The rows shown, after the percentile filter, in the table's order. */
    public List<ResultRow> shownRows() {
        return List.copyOf(shown);
    }

    /** For tests: the rows the table holds after the percentile filter. */
    public int visibleRows() {
        return viewer.getTable().getItemCount();
    }

    public void setMinimumPercentile(int percentile) {
        minimumPercentile.setSelection(percentile);
        reorder();
    }

    /** For tests: the same as a click on the column's header. */
    public void sortBy(String columnTitle) {
        for (ResultColumns column : ResultColumns.values()) {
            if (column.title.equals(columnTitle)) {
                sortBy(column);
            }
        }
    }

    private void sortBy(ResultColumns column) {
        descending = column == sortColumn ? !descending : true;
        sortColumn = column;
        viewer.getTable().setSortColumn(viewer.getTable().getColumn(column.ordinal()));
        viewer.getTable().setSortDirection(descending ? SWT.DOWN : SWT.UP);
        reorder();
    }

    private void open(IStructuredSelection selection) {
        if (selection.getFirstElement() instanceof ResultRow row) {
            try {
                PassageOpener.open(getSite().getPage(), Path.of(row.place().source()), row.place());
            } catch (PartInitException e) {
                MessageDialog.openError(getSite().getShell(), Messages.NeighboursSection_openFailed, e.getMessage());
            }
        }
    }

    @Override
    public void setFocus() {
        viewer.getControl().setFocus();
    }

    private final class ExportAction extends Action {
        private final AnnotationFormat format;

        ExportAction(String text, AnnotationFormat format) {
            super(text, NoveltyLensPlugin.descriptor(NoveltyLensImages.EXPORT));
            setToolTipText(text);
            this.format = format;
        }

        @Override
        public void run() {
            if (run == null || run.resultsFile() == null) {
                return;
            }
            FileDialog dialog = new FileDialog(getSite().getShell(), SWT.SAVE);
            dialog.setFilterExtensions(new String[] { '*' + format.extension() });
            dialog.setFileName("novelty" + format.extension()); //$NON-NLS-1$
            dialog.setOverwrite(true);
            String file = dialog.open();
            if (file == null) {
                return;
            }
            try {
                // the records are read from disk, where the run keeps them whole; the table holds rows only
                ResultsFile.export(run.resultsFile(), Path.of(file), format);
            } catch (NoveltyException e) {
                MessageDialog.openError(getSite().getShell(), Messages.AnnotationResultsView_exportFailed,
                        e.getMessage());
            }
        }
    }
}
