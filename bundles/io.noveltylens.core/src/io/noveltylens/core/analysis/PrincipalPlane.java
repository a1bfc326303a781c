package io.noveltylens.core.analysis;

import java.util.ArrayList;
import java.util.List;

import io.noveltylens.core.NoveltyException;
import io.noveltylens.core.index.CorpusIndex;
import io.noveltylens.core.math.Pca;

/**
 * The plane of the corpus's first two principal components (of the unit embeddings, computed at index time): where
 * a passage falls on it, and a sample of the corpus's own passages for the background of a map. It is a projection:
 * two components keep {@link #varianceShown()} of the corpus's spread, and points close on the plane may be far
 * apart in the full space. Unlike {@link NeighbourhoodMap}, whose axes depend on the passage, every passage of a run
 * lands on the same axes, so groups can be compared on one map.
 *
 * @param corpusSample  coordinates of corpus passages spread evenly over the index (every (N / sample)-th ordinal)
 * @param varianceShown the share of the corpus's total variance on the two components
 */
public record PrincipalPlane(Pca pca, List<double[]> corpusSample, double varianceShown) {

    public PrincipalPlane {
        corpusSample = List.copyOf(corpusSample);
    }

    /** The plane of {@code index}'s PCA with {@code samples} of its passages (fewer when it has fewer). */
    public static PrincipalPlane of(CorpusIndex index, int samples) throws NoveltyException {
        Pca pca = index.hullData().pca();
        int passages = index.metadata().passages();
        int count = Math.min(samples, passages);
        List<double[]> sample = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            sample.add(pca.project(index.vector((int) ((long) i * passages / count)), 2));
        }
        double[] variance = pca.explainedVariance();
        return new PrincipalPlane(pca, sample, (variance[0] + variance[1]) / pca.totalVariance());
    }

    /** The coordinates of a unit embedding on the plane. */
    public double[] coordinates(float[] unit) {
        return pca.project(unit, 2);
    }

    /** The share of the corpus's variance along one of the two axes (0 or 1). */
    public double varianceShown(int axis) {
        return pca.explainedVariance()[axis] / pca.totalVariance();
    }
}
