package io.noveltylens.ui.view;

import java.util.Locale;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Composite;

import io.noveltylens.core.NoveltyException;
import io.noveltylens.core.analysis.HullReport;
import io.noveltylens.core.analysis.NoveltyReport;
import io.noveltylens.ui.Messages;
import io.noveltylens.ui.format.ReadoutFormat;

/**
 * The convex-hull readouts: the distance to the corpus hull as a certified bracket, relative to the typical distance
 * between neighbours, and the in/out curve over the number of principal components d (the extrapolation depth).
 */
final class HullSection {

    private final WrappingText distance;
    private final InOutCurveChart chart;
    private final WrappingText depth;
    private final WrappingText explanation;

    HullSection(Composite parent) {
        distance = Section.wrappingText(parent);
        chart = new InOutCurveChart(parent);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(chart);
        depth = Section.wrappingText(parent);
        explanation = Section.wrappingText(parent);
    }

    /** {@code failure}: why the hull readouts could not be computed, or null. */
    void show(NoveltyReport report, boolean hullPending, NoveltyException failure) {
        HullReport hull = report.hull();
        chart.setVisible(hull != null);
        if (hull == null) {
            distance.setText(hullPending ? Messages.HullSection_computing : Messages.HullSection_unavailable);
            depth.setText(failure == null ? "" : failure.getMessage()); //$NON-NLS-1$
            explanation.setText(""); //$NON-NLS-1$
            return;
        }
        distance.setText(hull.distanceExplanation());
        chart.setCurve(hull.depth().curve());
        depth.setText(hull.depthExplanation());
        explanation.setText(Messages.HullSection_legend);
    }

    /** The one-line hull summary of the headline. */
    static String headline(NoveltyReport report, boolean hullPending) {
        HullReport hull = report.hull();
        if (hull == null) {
            return hullPending ? Messages.HullSection_computing : Messages.HullSection_unavailable;
        }
        if (hull.percentiles() != null) {
            return NLS.bind(Messages.HeadlineSection_hullCalibrated,
                    new Object[] { ReadoutFormat.percentile(hull.percentiles().distance()),
                            hull.percentiles().comparedWith(), hull.depthLabel(), hull.components() });
        }
        return NLS.bind(Messages.HeadlineSection_hull, new Object[] {
                hull.distance().verdict().name().toLowerCase(Locale.ROOT), hull.depthLabel(), hull.components() });
    }
}
