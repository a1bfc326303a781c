package io.noveltylens.core.calibration;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * The readouts of one kind of reference text (one sentence, or several), each by length.
 *
 * @param density mean distance to the k nearest passages (unit embeddings)
 * @param hull    distance to the convex hull of the corpus's unit embeddings
 * @param depth   the extrapolation depth, stored negated so that higher means more novel
 */
public record ReadoutBands(LengthBands density, LengthBands hull, LengthBands depth) {

    public double densityPercentile(int words, double meanDistance) {
        return density.percentile(words, meanDistance);
    }

    public double hullPercentile(int words, double hullDistance) {
        return hull.percentile(words, hullDistance);
    }

    /**
     * Higher = shallower than more of the corpus's units. Exported (JSON, CSV) but not shown: on the validity
     * benchmark it does not separate new text from the corpus's own (docs/readouts.md, Validity).
     */
    public double depthPercentile(int words, int depth) {
        return this.depth.percentile(words, -depth);
    }

    void write(DataOutput out) throws IOException {
        density.write(out);
        hull.write(out);
        depth.write(out);
    }

    static ReadoutBands read(DataInput in) throws IOException {
        return new ReadoutBands(LengthBands.read(in), LengthBands.read(in), LengthBands.read(in));
    }
}
