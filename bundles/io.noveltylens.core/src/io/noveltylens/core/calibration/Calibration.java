package io.noveltylens.core.calibration;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * The corpus's own distribution of each readout, at matched length: what an ordinary piece of the corpus, a sentence,
 * a paragraph or several paragraphs, gets when it is scored against the rest of the corpus as a query would be
 * (its own passages and their neighbours in the source left out). A query's readout is reported as a percentile
 * against the units of about its own length, so that 50 means "as novel as ordinary corpus text of this length"
 * whatever the length (docs/design.md, "Calibration"; measured by releng/validity.sh).
 *
 * @param density  mean distance to the k nearest passages (unit embeddings)
 * @param hull     distance to the convex hull of the corpus's unit embeddings
 * @param depth    the extrapolation depth, stored negated so that higher means more novel; null when the index has
 *                 no principal components
 */
public record Calibration(LengthBands density, LengthBands hull, LengthBands depth) {

    /** Version of the format {@link #write(DataOutput)} writes; bump it on every change of the layout. */
    public static final int FORMAT_VERSION = 1;

    public double densityPercentile(int words, double meanDistance) {
        return density.percentile(words, meanDistance);
    }

    public double hullPercentile(int words, double hullDistance) {
        return hull.percentile(words, hullDistance);
    }

    /** Higher = shallower than more of the corpus's units: more novel. */
    public double depthPercentile(int words, int depth) {
        return this.depth.percentile(words, -depth);
    }

    public void write(DataOutput out) throws IOException {
        out.writeInt(FORMAT_VERSION);
        density.write(out);
        hull.write(out);
        depth.write(out);
    }

    /** @throws IOException when the data has another format version or is damaged */
    public static Calibration read(DataInput in) throws IOException {
        int version = in.readInt();
        if (version != FORMAT_VERSION) {
            throw new IOException("calibration format " + version + ", expected " + FORMAT_VERSION); //$NON-NLS-1$ //$NON-NLS-2$
        }
        return new Calibration(LengthBands.read(in), LengthBands.read(in), LengthBands.read(in));
    }
}
