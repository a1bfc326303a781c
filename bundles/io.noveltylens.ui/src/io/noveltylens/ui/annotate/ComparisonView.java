package io.noveltylens.ui.annotate;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.jface.action.Action;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.part.ViewPart;

import io.noveltylens.core.report.ComparisonReport;
import io.noveltylens.core.report.ComparisonText;
import io.noveltylens.ui.HelpContexts;
import io.noveltylens.ui.Messages;
import io.noveltylens.ui.NoveltyLensImages;
import io.noveltylens.ui.plugin.NoveltyLensPlugin;

/**
 * The last comparison: its statistics as core's text tables, its plots (drawn by core's charts in the job), and the
 * export of its report, which also says how each number is computed.
 */
public final class ComparisonView extends ViewPart {

    public static final String ID = "io.noveltylens.ui.comparisonView"; //$NON-NLS-1$

    private ScrolledComposite scroller;
    private Composite plots;
    private Text statistics;
    private final List<Image> images = new ArrayList<>();
    private ComparisonResult result;
    private Action export;

    @Override
    public void createPartControl(Composite parent) {
        HelpContexts.COMPARISON_VIEW.attach(parent);
        scroller = new ScrolledComposite(parent, SWT.V_SCROLL | SWT.H_SCROLL);
        plots = new Composite(scroller, SWT.NONE);
        GridLayoutFactory.fillDefaults().margins(4, 4).applyTo(plots);
        statistics = new Text(plots, SWT.MULTI | SWT.READ_ONLY);
        statistics.setFont(JFaceResources.getTextFont());
        GridDataFactory.fillDefaults().grab(true, false).applyTo(statistics);
        scroller.setContent(plots);
        scroller.setExpandHorizontal(true);
        scroller.setExpandVertical(true);
        export = new Action(Messages.ComparisonView_export, NoveltyLensPlugin.descriptor(NoveltyLensImages.EXPORT)) {
            @Override
            public void run() {
                FileDialog dialog = new FileDialog(getSite().getShell(), SWT.SAVE);
                dialog.setFilterExtensions(new String[] { "*.html" }); //$NON-NLS-1$
                dialog.setFileName(ComparisonReport.FILE_NAME);
                dialog.setOverwrite(true);
                String file = dialog.open();
                if (file != null) {
                    exportReport(Path.of(file));
                }
            }
        };
        export.setEnabled(false);
        getViewSite().getActionBars().getToolBarManager().add(export);
        setContentDescription(Messages.ComparisonView_empty);
    }

    public void setResult(ComparisonResult newResult) {
        result = newResult;
        for (Control child : plots.getChildren()) {
            if (child != statistics) {
                child.dispose();
            }
        }
        List<String> reruns = ComparisonReruns.of(result.groups());
        statistics.setText((reruns.isEmpty() ? "" : String.join("\n", reruns) + "\n\n") //$NON-NLS-1$ //$NON-NLS-2$
                + ComparisonText.of(result.comparison()));
        images.forEach(Image::dispose);
        images.clear();
        for (byte[] png : result.plots()) {
            Image image = new Image(plots.getDisplay(), new ImageData(new ByteArrayInputStream(png)));
            images.add(image);
            Label label = new Label(plots, SWT.NONE);
            label.setImage(image);
            GridDataFactory.swtDefaults().applyTo(label);
        }
        scroller.setMinSize(plots.computeSize(SWT.DEFAULT, SWT.DEFAULT));
        plots.layout(true);
        export.setEnabled(true);
        setContentDescription(NLS.bind(Messages.ComparisonView_summary, result.groups().size(),
                result.groups().stream().mapToInt(g -> g.passages().size()).sum()));
    }

    /** Writes the report of the comparison shown to {@code file} in a job (family ANNOTATION). */
    public void exportReport(Path file) {
        if (result != null) {
            new ReportExportJob(result, file).schedule();
        }
    }

    /** For tests: the statistics shown. */
    public String statisticsText() {
        return statistics.getText();
    }

    /** For tests: the plots shown. */
    public int plotCount() {
        return images.size();
    }

    @Override
    public void setFocus() {
        scroller.setFocus();
    }

    @Override
    public void dispose() {
        images.forEach(Image::dispose);
        super.dispose();
    }
}
