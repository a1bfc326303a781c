package io.noveltylens.core.index;

import java.io.IOException;
import java.util.Arrays;

import io.noveltylens.core.Progress;
import io.noveltylens.core.hull.ExactLinearOracle;
import io.noveltylens.core.math.FloatMatrix;
import io.noveltylens.core.math.Pca;

/**
 * The hull data of a generation of format 1 or 2, computed from its stored unit vectors while it answers until its
 * rebuild: those formats stored the PCA of the raw embeddings and the neighbour distance between raw embeddings, a
 * space whose norm tracks passage length (docs/design.md, Convex hull), so neither may be read as the unit space's.
 * The PCA is fitted as a build fits it; the scale is the median nearest-neighbour distance of an evenly spaced sample
 * of passages rather than of all of them, so that a large corpus answers after seconds, not a minute.
 */
final class UnitHullData {

    /** Passages whose nearest neighbour is searched for the scale: the median of 2,000 is within a few per cent. */
    static final int SCALE_SAMPLE = 2000;

    private UnitHullData() {
    }

    static HullData compute(FloatMatrix units, VectorSearch search, int components) throws IOException {
        Pca pca = Pca.fit(units, Math.min(components, Math.min(units.rows() - 1, units.cols())), Progress.NONE);
        FloatMatrix projected = pca.projectAll(units, pca.componentCount());
        return new HullData(new ExactLinearOracle(units), pca, new ExactLinearOracle(projected),
                medianNearestDistance(units, search));
    }

    private static double medianNearestDistance(FloatMatrix units, VectorSearch search) throws IOException {
        int n = units.rows();
        int sample = Math.min(n, SCALE_SAMPLE);
        double[] nearest = new double[sample];
        for (int s = 0; s < sample; s++) {
            int row = (int) ((long) s * n / sample);
            nearest[s] = search.nearest(units.row(row), 1, row).distance(0);
        }
        Arrays.sort(nearest);
        return nearest[sample / 2];
    }
}
