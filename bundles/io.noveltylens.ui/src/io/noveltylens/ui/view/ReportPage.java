package io.noveltylens.ui.view;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

import org.eclipse.jface.action.IAction;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.ui.IWorkbenchPartSite;

import io.noveltylens.core.NoveltyException;
import io.noveltylens.core.analysis.NoveltyReport;
import io.noveltylens.ui.Messages;
import io.noveltylens.ui.history.HistoryPicture;
import io.noveltylens.ui.plugin.NoveltyLensPlugin;

/** Renders a {@link NoveltyReport}: headline, then one section per readout, in a page that scrolls vertically. */
public final class ReportPage {

    private final ScrolledComposite scrolled;
    private final Composite content;
    private final HeadlineSection headline;
    private final MatchSection match;
    private final NeighboursSection neighbours;
    private final DraftsSection drafts;
    private final DensitySection density;
    private final HullSection hull;
    private final VerbatimSection verbatim;
    private final ProjectionSection projection;
    private final HistorySection history;
    private final CopyNeighboursAction copyAction;
    private NoveltyReport report;
    /** The client width the page was last laid out at. */
    private int laidOutWidth = -1;

    ReportPage(Composite parent, IWorkbenchPartSite site, Function<String, Path> sourceResolver) {
        scrolled = new ScrolledComposite(parent, SWT.V_SCROLL);
        scrolled.setExpandHorizontal(true);
        scrolled.setExpandVertical(true);
        content = new Composite(scrolled, SWT.NONE);
        GridLayoutFactory.swtDefaults().margins(8, 8).spacing(4, 4).applyTo(content);
        scrolled.setContent(content);
        headline = new HeadlineSection(content);
        match = new MatchSection(new Section(content, Messages.MatchSection_title).body());
        neighbours = new NeighboursSection(new Section(content, Messages.ReportPage_neighbours).body(), site,
                sourceResolver, () -> report.text());
        drafts = new DraftsSection(new Section(content, Messages.DraftsSection_title).body(), site);
        density = new DensitySection(new Section(content, Messages.ReportPage_density).body());
        hull = new HullSection(new Section(content, Messages.ReportPage_hull).body());
        verbatim = new VerbatimSection(new Section(content, Messages.ReportPage_verbatim).body());
        projection = new ProjectionSection(new Section(content, Messages.ReportPage_projection).body());
        history = new HistorySection(new Section(content, Messages.ReportPage_history).body(), site,
                NoveltyLensPlugin.getDefault().getHistories());
        copyAction = new CopyNeighboursAction(neighbours.viewer());
        // wrapping text needs the width to compute its height: recompute the page size whenever the width changes, and
        // only then: a layout of the page is the costliest thing the view does on the UI thread
        scrolled.addListener(SWT.Resize, event -> {
            int width = scrolled.getClientArea().width;
            if (width != laidOutWidth) {
                relayout();
            }
        });
        GridDataFactory.fillDefaults().grab(true, true).applyTo(scrolled);
    }

    void show(NoveltyReport newReport, boolean hullPending, NoveltyException hullFailure) {
        report = newReport;
        headline.show(newReport, hullPending);
        match.show(newReport);
        neighbours.show(newReport.neighbours());
        drafts.show(newReport);
        density.show(newReport.density());
        hull.show(newReport, hullPending, hullFailure);
        verbatim.show(newReport.text(), newReport.verbatim());
        projection.show(newReport.map());
        copyAction.setEnabled(!newReport.neighbours().isEmpty());
        history.showActiveDocument();
        relayout();
    }

    /**
     * Measures the page at the view's width once, flushing what its controls measured before, then lays it out from
     * those measurements: a layout that flushed them again would measure every wrapping text and table twice.
     */
    private void relayout() {
        Rectangle area = scrolled.getClientArea();
        laidOutWidth = area.width;
        scrolled.setMinSize(content.computeSize(Math.max(area.width, 200), SWT.DEFAULT, true));
        content.layout(false, true);
    }

    Control control() {
        return scrolled;
    }

    IAction copyAction() {
        return copyAction;
    }

    /** For tests: the report on show, or null. */
    public NoveltyReport report() {
        return report;
    }

    /**
     * For tests: the match section's lines: the passage's level, the sentences' tally, then the legend, one line per
     * level.
     */
    public List<String> matchTexts() {
        return match.texts();
    }

    /** For tests: what the report says was left out of the analysis, empty when nothing was. */
    public String leftOutText() {
        return headline.leftOutText();
    }

    /** For tests' screenshots: scrolls the page to the history of the analysed document. */
    public void revealHistory() {
        scrolled.setOrigin(0, history.top());
    }

    /** For tests: the history of the analysed document on show, or null. */
    public HistoryPicture history() {
        return history.picture();
    }

    /** For tests: the paragraphs of the last save that changed most. */
    public TableViewer historyChanges() {
        return history.changesViewer();
    }

    /** For tests: the table of the drafts' neighbours. */
    public TableViewer draftsViewer() {
        return drafts.viewer();
    }

    /** For tests: what the drafts section says above its table. */
    public String draftsStatus() {
        return drafts.statusText();
    }

    /** For tests: the neighbours table. */
    public TableViewer neighboursViewer() {
        return neighbours.viewer();
    }
}
