package io.noveltylens.ui.view;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Composite;

import io.noveltylens.core.density.DensityReadout;
import io.noveltylens.ui.Messages;
import io.noveltylens.ui.format.ReadoutFormat;

/**
 * Local density: the percentile as a bar and the mean kNN distance, with core's explanation. LOF and LoOP are not
 * shown: on held-out text they grade novelty less well than the percentile and move with the passage's length
 * (releng/validity.sh, docs/readouts.md); the exports keep them.
 */
final class DensitySection {

    private final PercentileBar bar;
    private final WrappingText percentile;
    private final WrappingText distance;

    DensitySection(Composite parent) {
        bar = new PercentileBar(parent);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(bar);
        percentile = Section.wrappingText(parent);
        distance = Section.wrappingText(parent);
    }

    void show(DensityReadout density) {
        bar.setPercentile(density.percentile());
        bar.setToolTipText(density.percentileExplanation());
        percentile.setText(NLS.bind(Messages.DensitySection_percentile, ReadoutFormat.percentile(density.percentile()),
                density.percentileExplanation()));
        distance.setText(
                NLS.bind(Messages.DensitySection_distance, density.k(), ReadoutFormat.decimal(density.meanDistance())));
    }
}
