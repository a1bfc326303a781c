package io.noveltylens.ui.annotate;

import java.nio.file.Path;
import java.util.List;

import org.eclipse.jface.action.Action;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.jface.viewers.Viewer;
import org.eclipse.jface.viewers.ViewerComparator;
import org.eclipse.jface.viewers.ViewerFilter;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.part.ViewPart;

import io.noveltylens.core.NoveltyException;
import io.noveltylens.core.annotate.AnnotatedPassage;
import io.noveltylens.core.annotate.AnnotationFormat;
import io.noveltylens.ui.HelpContexts;
import io.noveltylens.ui.Messages;
import io.noveltylens.ui.NoveltyLensImages;
import io.noveltylens.ui.plugin.NoveltyLensPlugin;
import io.noveltylens.ui.view.PassageOpener;

/**
 * The results of the last annotation run: one row per passage, sortable by any column, filtered by a minimum
 * percentile; double-click opens the passage; the toolbar exports JSON Lines and CSV.
 */
public final class AnnotationResultsView extends ViewPart {

    public static final String ID = "io.noveltylens.ui.annotationResultsView"; //$NON-NLS-1$

    private TableViewer viewer;
    private Spinner minimumPercentile;
    private List<AnnotatedPassage> results = List.of();
    private ResultColumns sortColumn = ResultColumns.PERCENTILE;
    private boolean descending = true;

    @Override
    public void createPartControl(Composite parent) {
        HelpContexts.ANNOTATION_RESULTS_VIEW.attach(parent);
        GridLayoutFactory.fillDefaults().numColumns(2).margins(4, 4).applyTo(parent);
        Label filterLabel = new Label(parent, SWT.NONE);
        filterLabel.setText(Messages.AnnotationResultsView_minimumPercentile);
        minimumPercentile = new Spinner(parent, SWT.BORDER);
        minimumPercentile.setValues(0, 0, 100, 0, 5, 10);
        minimumPercentile.addListener(SWT.Modify, event -> viewer.refresh());
        viewer = new TableViewer(parent, SWT.MULTI | SWT.FULL_SELECTION | SWT.BORDER | SWT.V_SCROLL | SWT.H_SCROLL);
        viewer.getTable().setHeaderVisible(true);
        viewer.getTable().setLinesVisible(true);
        GridDataFactory.fillDefaults().grab(true, true).span(2, 1).applyTo(viewer.getTable());
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        for (ResultColumns column : ResultColumns.values()) {
            TableViewerColumn viewerColumn = new TableViewerColumn(viewer, SWT.NONE);
            viewerColumn.getColumn().setText(column.title);
            viewerColumn.getColumn().setWidth(column.width);
            viewerColumn.setLabelProvider(column.labels());
            viewerColumn.getColumn().addListener(SWT.Selection, event -> sortBy(column));
        }
        viewer.setComparator(new ViewerComparator() {
            @Override
            public int compare(Viewer v, Object a, Object b) {
                int order = sortColumn.order.compare((AnnotatedPassage) a, (AnnotatedPassage) b);
                return descending ? -order : order;
            }
        });
        viewer.addFilter(new ViewerFilter() {
            @Override
            public boolean select(Viewer v, Object parentElement, Object element) {
                return ((AnnotatedPassage) element).report().density().percentile() >= minimumPercentile.getSelection();
            }
        });
        viewer.addDoubleClickListener(event -> open((IStructuredSelection) event.getSelection()));
        viewer.setInput(results);
        getViewSite().getActionBars().getToolBarManager()
                .add(new ExportAction(Messages.AnnotationResultsView_exportJsonl,
                        AnnotationFormat.JSON_LINES));
        getViewSite().getActionBars().getToolBarManager().add(new ExportAction(Messages.AnnotationResultsView_exportCsv,
                AnnotationFormat.CSV));
        setContentDescription(Messages.AnnotationResultsView_empty);
    }

    public void setResults(List<AnnotatedPassage> newResults) {
        results = List.copyOf(newResults);
        viewer.setInput(results);
        setContentDescription(NLS.bind(Messages.AnnotationResultsView_summary, results.size()));
    }

    /** All results of the run, unfiltered, in run order. */
    public List<AnnotatedPassage> results() {
        return results;
    }

    /** For tests: the rows shown after the percentile filter. */
    public int visibleRows() {
        return viewer.getTable().getItemCount();
    }

    public void setMinimumPercentile(int percentile) {
        minimumPercentile.setSelection(percentile);
        viewer.refresh();
    }

    private void sortBy(ResultColumns column) {
        descending = column == sortColumn ? !descending : true;
        sortColumn = column;
        viewer.getTable().setSortColumn(viewer.getTable().getColumn(column.ordinal()));
        viewer.getTable().setSortDirection(descending ? SWT.DOWN : SWT.UP);
        viewer.refresh();
    }

    private void open(IStructuredSelection selection) {
        if (selection.getFirstElement() instanceof AnnotatedPassage result) {
            try {
                PassageOpener.open(getSite().getPage(), Path.of(result.provenance().source()), result.provenance());
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
            FileDialog dialog = new FileDialog(getSite().getShell(), SWT.SAVE);
            dialog.setFilterExtensions(new String[] { '*' + format.extension() });
            dialog.setFileName("novelty" + format.extension()); //$NON-NLS-1$
            dialog.setOverwrite(true);
            String file = dialog.open();
            if (file == null) {
                return;
            }
            try {
                ResultsExport.write(results, Path.of(file), format);
            } catch (NoveltyException e) {
                MessageDialog.openError(getSite().getShell(), Messages.AnnotationResultsView_exportFailed,
                        e.getMessage());
            }
        }
    }
}
