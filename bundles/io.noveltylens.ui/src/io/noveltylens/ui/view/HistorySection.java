package io.noveltylens.ui.view;

import java.io.ByteArrayInputStream;
import java.text.DateFormat;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;

import org.eclipse.core.resources.IFile;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbenchPartSite;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;

import io.noveltylens.core.history.ParagraphChange;
import io.noveltylens.core.history.SaveReading;
import io.noveltylens.ui.Messages;
import io.noveltylens.ui.format.ReadoutFormat;
import io.noveltylens.ui.history.HistoryPicture;
import io.noveltylens.ui.history.SaveHistories;
import io.noveltylens.ui.plugin.NoveltyLensPlugin;

/**
 * The analysed document's novelty over its saves: the plot (drawn by a background job as a PNG of fixed size) and
 * the paragraphs of the last save that changed most since the one before; double-click shows a paragraph in its
 * editor. Every part has a fixed size, so a new save updates the section without laying out the report page again
 * (the costliest thing the view does on the UI thread).
 */
final class HistorySection {

    private static final int VISIBLE_ROWS = 5;
    private static final int CAPTION_LINES = 3;

    /** A ranked paragraph with the start of its text. */
    record Row(ParagraphChange change, String snippet) {
    }

    private final IWorkbenchPartSite site;
    private final SaveHistories histories;
    private final WrappingText caption;
    private final Label plot;
    private final TableViewer changes;
    private final Consumer<HistoryPicture> listener;
    private IFile shown;
    private HistoryPicture picture;
    private Image image;

    HistorySection(Composite parent, IWorkbenchPartSite site, SaveHistories histories) {
        this.site = site;
        this.histories = histories;
        caption = Section.wrappingText(parent);
        GC gc = new GC(caption);
        int lineHeight = gc.getFontMetrics().getHeight();
        gc.dispose();
        GridDataFactory.fillDefaults().grab(true, false).hint(100, lineHeight * CAPTION_LINES).applyTo(caption);
        plot = new Label(parent, SWT.NONE);
        GridDataFactory.swtDefaults().hint(HistoryPicture.PLOT_WIDTH, HistoryPicture.PLOT_HEIGHT).applyTo(plot);
        WrappingText changesTitle = Section.wrappingText(parent);
        changesTitle.setText(Messages.HistorySection_changes);
        changes = new TableViewer(parent, SWT.SINGLE | SWT.FULL_SELECTION | SWT.BORDER | SWT.V_SCROLL);
        changes.getTable().setHeaderVisible(true);
        changes.getTable().setLinesVisible(true);
        changes.setContentProvider(ArrayContentProvider.getInstance());
        column(Messages.HistorySection_change, 110, HistorySection::changeText);
        column(Messages.HistorySection_paragraph, 420, row -> row.snippet());
        GridDataFactory.fillDefaults().grab(true, false)
                .hint(100, changes.getTable().getItemHeight() * VISIBLE_ROWS + changes.getTable().getHeaderHeight())
                .applyTo(changes.getTable());
        changes.addDoubleClickListener(event -> reveal());
        listener = newPicture -> parent.getDisplay().asyncExec(() -> present(newPicture));
        histories.addListener(listener);
        parent.addDisposeListener(event -> {
            histories.removeListener(listener);
            if (image != null) {
                image.dispose();
            }
        });
        caption.setText(Messages.HistorySection_noDocument);
    }

    private void column(String title, int width, Function<Row, String> text) {
        TableViewerColumn column = new TableViewerColumn(changes, SWT.NONE);
        column.getColumn().setText(title);
        column.getColumn().setWidth(width);
        column.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return text.apply((Row) element);
            }
        });
    }

    /**
     * Follows the document of the active editor, whose passage the view has just analysed: its saves are recorded
     * from now on, and its stored history is loaded in the background when it is not the one on show.
     */
    void showActiveDocument() {
        IEditorPart editor = site.getPage().getActiveEditor();
        IFile file = editor == null ? null : editor.getEditorInput().getAdapter(IFile.class);
        if (file == null) {
            shown = null;
            picture = null;
            caption.setText(Messages.HistorySection_noDocument);
            plot.setImage(null);
            changes.setInput(List.of());
            return;
        }
        histories.follow(file);
        if (!file.equals(shown)) {
            shown = file;
            histories.load(file);
        }
    }

    private void present(HistoryPicture newPicture) {
        if (plot.isDisposed() || !newPicture.file().equals(shown)) {
            return;
        }
        picture = newPicture;
        Image old = image;
        image = new Image(plot.getDisplay(), new ImageData(new ByteArrayInputStream(newPicture.plot())));
        plot.setImage(image);
        if (old != null) {
            old.dispose();
        }
        caption.setText(captionOf(newPicture));
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < newPicture.changes().size(); i++) {
            ParagraphChange change = newPicture.changes().get(i);
            if (change.isNew() || !change.sameText() || change.change() != 0) {
                rows.add(new Row(change, newPicture.snippets().get(i)));
            }
        }
        changes.setInput(rows);
    }

    private static String captionOf(HistoryPicture picture) {
        List<SaveReading> saves = picture.saves();
        String text;
        if (saves.isEmpty()) {
            text = NLS.bind(Messages.HistorySection_noSaves, picture.file().getName());
        } else {
            String since = DateFormat.getDateTimeInstance(DateFormat.SHORT, DateFormat.SHORT)
                    .format(new Date(saves.get(0).savedAtMillis()));
            text = NLS.bind(Messages.HistorySection_saves, new Object[] { picture.file().getName(), saves.size(),
                    since, ReadoutFormat.percentile(saves.get(saves.size() - 1).novelty()) });
        }
        return picture.otherCorpusSaves() == 0 ? text
                : text + ' ' + NLS.bind(Messages.HistorySection_otherCorpus, picture.otherCorpusSaves());
    }

    private static String changeText(Row row) {
        if (row.change().isNew()) {
            return Messages.HistorySection_new;
        }
        if (row.change().change() == 0) {
            return Messages.HistorySection_unchanged;
        }
        return NLS.bind(Messages.HistorySection_points,
                String.format(Locale.getDefault(), "%+.0f", row.change().change())); //$NON-NLS-1$
    }

    /** Opens the document and selects the paragraph, as far as the editor's text reaches. */
    private void reveal() {
        if (!(changes.getStructuredSelection().getFirstElement() instanceof Row row) || shown == null) {
            return;
        }
        try {
            if (IDE.openEditor(site.getPage(), shown) instanceof ITextEditor editor) {
                int length = editor.getDocumentProvider().getDocument(editor.getEditorInput()).getLength();
                int start = Math.min(row.change().now().start(), length);
                editor.selectAndReveal(start, Math.min(row.change().now().end(), length) - start);
            }
        } catch (PartInitException e) {
            NoveltyLensPlugin.log(e.getMessage(), e);
        }
    }

    /** Where the section starts in the report page, its title included. */
    int top() {
        Composite body = caption.getParent();
        List<Control> siblings = List.of(body.getParent().getChildren());
        // the section's title is the label just before its body (Section)
        return siblings.get(siblings.indexOf(body) - 1).getBounds().y;
    }

    /** For tests: the history on show, or null. */
    HistoryPicture picture() {
        return picture;
    }

    /** For tests: the table of changed paragraphs. */
    TableViewer changesViewer() {
        return changes;
    }
}
