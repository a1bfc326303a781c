package io.noveltylens.core.compare;

import java.util.List;

import io.noveltylens.core.corpus.Provenance;
import io.noveltylens.core.hull.DepthVerdict;

/**
 * What a comparison keeps of one passage's report: its place, its calibrated readouts, its depth curve and where it
 * lies on the corpus's principal plane. A few hundred bytes, so a run of 100,000 passages fits in memory; the full
 * reports go to the annotation files.
 *
 * @param readouts one value per {@link Readout}, by ordinal; NaN where the report has none
 * @param curve    the extrapolation depth's verdict per number of principal components, empty without hull readouts
 * @param x        first coordinate on the corpus's principal plane
 * @param y        second coordinate
 */
public record PassageScore(Provenance provenance, double[] readouts, List<DepthVerdict> curve, double x, double y) {

    public PassageScore {
        readouts = readouts.clone();
        curve = List.copyOf(curve);
    }

    public double readout(Readout readout) {
        return readouts[readout.ordinal()];
    }
}
