package io.noveltylens.ui.view;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Composite;

import io.noveltylens.core.analysis.NoveltyReport;
import io.noveltylens.core.exclude.MaskedText;
import io.noveltylens.ui.Messages;
import io.noveltylens.ui.format.ReadoutFormat;

/**
 * The top of the report: the density percentile with core's one-line verdict, then the hull verdict and depth, the
 * model and timing, and what the exclusions left out of the analysis.
 */
final class HeadlineSection {

    private final WrappingText verdict;
    private final WrappingText hull;
    private final WrappingText details;
    private final WrappingText leftOut;

    HeadlineSection(Composite parent) {
        Composite body = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().spacing(0, 2).applyTo(body);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(body);
        verdict = Section.wrappingText(body);
        verdict.setFont(JFaceResources.getHeaderFont());
        hull = Section.wrappingText(body);
        details = Section.wrappingText(body);
        leftOut = Section.wrappingText(body);
    }

    void show(NoveltyReport report, boolean hullPending) {
        verdict.setText(
                NLS.bind(Messages.HeadlineSection_verdict, ReadoutFormat.percentile(report.density().percentile()),
                        report.headline()));
        hull.setText(HullSection.headline(report, hullPending));
        details.setText(NLS.bind(Messages.HeadlineSection_details,
                new Object[] { report.modelId(), report.verbatim().wordCount(), report.fastMillis() }));
        // said only when something was left out: most selections are plain prose
        boolean excluded = !report.excluded().isEmpty();
        leftOut.setText(excluded ? NLS.bind(Messages.HeadlineSection_leftOut, MaskedText.summary(report.excluded()))
                : ""); //$NON-NLS-1$
        ((GridData) leftOut.getLayoutData()).exclude = !excluded;
        leftOut.setVisible(excluded);
    }

    /** For tests: what the report says was left out, empty when nothing was. */
    String leftOutText() {
        return leftOut.getText();
    }
}
