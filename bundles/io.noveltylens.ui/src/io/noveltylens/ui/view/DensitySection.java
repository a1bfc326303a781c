package io.noveltylens.ui.view;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;

import io.noveltylens.core.density.DensityReadout;
import io.noveltylens.ui.Messages;

/** Local density: the percentile as a bar, the mean kNN distance, LOF and LoOP, each with core's explanation. */
final class DensitySection {

    private final PercentileBar bar;
    private final Label percentile;
    private final Label distance;
    private final Label lof;
    private final Label loop;

    DensitySection(Composite parent) {
        bar = new PercentileBar(parent);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(bar);
        percentile = Section.wrappingLabel(parent);
        distance = Section.wrappingLabel(parent);
        lof = Section.wrappingLabel(parent);
        loop = Section.wrappingLabel(parent);
    }

    void show(DensityReadout density) {
        bar.setPercentile(density.percentile());
        bar.setToolTipText(density.percentileExplanation());
        percentile.setText(NLS.bind(Messages.DensitySection_percentile, ReadoutFormat.percentile(density.percentile()),
                density.percentileExplanation()));
        distance.setText(NLS.bind(Messages.DensitySection_distance, density.k(), ReadoutFormat.decimal(density.meanDistance())));
        // core's explanations start with the figure itself ("LOF 1.0: ...")
        lof.setText(density.lofExplanation());
        loop.setText(density.loopExplanation());
    }
}
