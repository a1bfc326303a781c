package io.noveltylens.ui.annotate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
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
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
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
import io.noveltylens.ui.engine.JobFamilies;
import io.noveltylens.ui.format.ReadoutFormat;
import io.noveltylens.ui.plugin.NoveltyLensPlugin;
import io.noveltylens.ui.view.PassageOpener;

/**
 * The results of the last annotation run: one row per passage, sortable by any column, filtered by a minimum
 * percentile; double-click opens the passage; the toolbar exports the run's records as JSON Lines and CSV. The table
 * is virtual (it creates items only for the rows on screen, so 100k rows cost their {@link ResultRow}s and no
 * widgets) and holds a page of {@link #PAGE_ROWS} rows at a time. Rows arrive while the run goes on, taken from its
 * {@link AnnotationRun} on a timer and merged into the sorted, filtered list, so the UI thread's work per refresh
 * grows with the new rows, not with the table; a new sort or filter runs in a job.
 */
public final class AnnotationResultsView extends ViewPart {

    public static final String ID = "io.noveltylens.ui.annotationResultsView"; //$NON-NLS-1$

    /** How often a running annotation's new rows are taken: a few refreshes a second look live and cost little. */
    private static final int REFRESH_MILLIS = 250;
    /**
     * The most rows the table holds at once; the others are a page away. A GTK table drops rows one by one (its list
     * store removes each, and the tree view follows): 159 ms of the UI thread to empty a table of 100,000 rows, so a
     * filter that shrank it stalled the UI (LargeAnnotationRunTest, 2026-12-07); 10,000 rows take about a tenth.
     */
    static final int PAGE_ROWS = 10_000;

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
    /** Counts the reorders (and replaced runs), so that only the last one refills the table. */
    private long reorders;
    /** The page of {@link #shown} the table holds, from 0. */
    private int page;
    private Button previousPage;
    private Label pageRange;
    private Button nextPage;

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
        viewer.setContentProvider(
                (ILazyContentProvider) index -> viewer.replace(shown.get(page * PAGE_ROWS + index), index));
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
        Composite pages = new Composite(parent, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).span(2, 1).applyTo(pages);
        GridLayoutFactory.fillDefaults().numColumns(3).applyTo(pages);
        previousPage = new Button(pages, SWT.PUSH);
        previousPage.setText(Messages.AnnotationResultsView_previousPage);
        previousPage.addListener(SWT.Selection, event -> showPage(page - 1));
        pageRange = new Label(pages, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).align(SWT.FILL, SWT.CENTER).applyTo(pageRange);
        nextPage = new Button(pages, SWT.PUSH);
        nextPage.setText(Messages.AnnotationResultsView_nextPage);
        nextPage.addListener(SWT.Selection, event -> showPage(page + 1));
        fill();
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
        reorders++; // a pending reorder's rows are gone
        rows.clear();
        shown = new ArrayList<>();
        page = 0;
        fill();
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
            reorders++; // a pending reorder's rows are gone
            rows.clear();
            shown = new ArrayList<>();
            page = 0;
        }
        if (!added.isEmpty()) {
            rows.addAll(added);
            shown = merged(shown, added.stream().filter(this::passes).sorted(order()).toList());
        }
        if (taken.replaceAll() || !added.isEmpty()) {
            fill();
        }
        setContentDescription(description(from, finished));
        if (finished) {
            caughtUp = true;
        } else {
            viewer.getControl().getDisplay().timerExec(REFRESH_MILLIS, () -> takeRows(from));
        }
    }

    /** How many rows, whether the run goes on, and whether it resumed an earlier run's file. */
    private String description(AnnotationRun from, boolean finished) {
        if (!finished) {
            return NLS.bind(Messages.AnnotationResultsView_running, rows.size());
        }
        String resumed = from.resumed();
        return resumed == null ? NLS.bind(Messages.AnnotationResultsView_summary, rows.size())
                : NLS.bind(Messages.AnnotationResultsView_summaryResumed, rows.size(), resumed);
    }

    /** For tests: the line above the table. */
    public String description() {
        return getContentDescription();
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
     * Filters and sorts every row again, after the filter or the order changed: in a job, so that the UI thread only
     * puts the result in the table ({@link #show}), where the rows taken meanwhile are merged in. Sorting 100k rows
     * and emptying the table in one dispatch held the UI thread for 141-257 ms (docs/research.md).
     */
    private void reorder() {
        long reorder = ++reorders;
        List<ResultRow> taken = List.copyOf(rows);
        Comparator<ResultRow> order = order();
        int minimum = minimumPercentile.getSelection();
        Display display = viewer.getControl().getDisplay();
        Job job = new Job(Messages.AnnotationResultsView_sorting) {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                List<ResultRow> sorted = taken.stream().filter(row -> row.percentile() >= minimum).sorted(order)
                        .collect(Collectors.toList());
                display.asyncExec(() -> show(reorder, sorted, taken.size()));
                return Status.OK_STATUS;
            }

            @Override
            public boolean belongsTo(Object family) {
                return family == JobFamilies.ANNOTATION;
            }
        };
        job.setSystem(true);
        job.schedule();
    }

    /** Shows the rows a {@link #reorder()} sorted from the first page, unless the order or the filter changed since. */
    private void show(long reorder, List<ResultRow> sorted, int taken) {
        Table table = viewer.getTable();
        if (table.isDisposed() || reorder != reorders) {
            return;
        }
        shown = merged(sorted, rows.subList(taken, rows.size()).stream().filter(this::passes).sorted(order()).toList());
        page = 0;
        fill();
        table.setTopIndex(0);
    }

    /**
     * Puts the rows of {@link #page} into the table, which creates items only for those on screen. When their number
     * is the one the table has, it keeps its items and only drops their contents: no GTK row is added or removed.
     */
    private void fill() {
        Table table = viewer.getTable();
        int count = Math.max(0, Math.min(PAGE_ROWS, shown.size() - page * PAGE_ROWS));
        if (count < table.getItemCount()) {
            // JFace's setItemCount, when it shrinks the table, creates an item for every row it drops (to
            // disassociate it): 12 s for 90k rows, measured. Emptying the widget first leaves it only rows to add.
            table.setItemCount(0);
        }
        if (count != table.getItemCount()) {
            viewer.setItemCount(count);
        }
        table.clearAll();
        int first = page * PAGE_ROWS;
        pageRange.setText(shown.isEmpty() ? "" //$NON-NLS-1$
                : NLS.bind(Messages.AnnotationResultsView_pageRange, new Object[] { ReadoutFormat.count(first + 1),
                        ReadoutFormat.count(first + count), ReadoutFormat.count(shown.size()) }));
        previousPage.setEnabled(page > 0);
        nextPage.setEnabled(first + count < shown.size());
        pageRange.getParent().layout();
    }

    /** Shows page {@code number} (from 0) of the rows: the same as Previous or Next. */
    public void showPage(int number) {
        int pages = Math.max(1, (shown.size() + PAGE_ROWS - 1) / PAGE_ROWS);
        page = Math.max(0, Math.min(pages - 1, number));
        fill();
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

    /** For tests: the rows the table holds after the percentile filter, on all pages. */
    public int visibleRows() {
        return shown.size();
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
