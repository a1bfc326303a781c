package io.noveltylens.core.analysis;

import java.time.Duration;

import io.noveltylens.core.Progress;
import io.noveltylens.core.hull.Deadline;
import io.noveltylens.core.hull.ExtrapolationDepth;
import io.noveltylens.core.hull.HullDistance;
import io.noveltylens.core.index.IndexSettings;
import io.noveltylens.core.math.FloatMatrix;
import io.noveltylens.core.math.Pca;

/**
 * The hull readouts of query vectors against points the caller brings, from any model and in any space: the
 * distance to the hull of the points and the extrapolation depth over their leading principal components, measured as
 * {@link HullAnalysis} measures a passage against the corpus, on the points as they are (no normalisation, no
 * calibration). The solvers and the PCA are built once for all queries.
 */
public final class PointSetHull {

    /** As many principal components as an index keeps (docs/design.md, Convex hull), and fewer than the points. */
    private static final int MAX_COMPONENTS = IndexSettings.defaults().pcaComponents();
    /**
     * Frank-Wolfe iterations per query. A caller's points may be few and a query close to their hull, where the
     * bracket closes slowly; the caller's budget, seconds rather than the IDE's 300 ms, is what ends such a search,
     * and this limit only keeps it finite.
     */
    private static final int MAX_ITERATIONS = 100_000;

    private final Pca pca;
    private final int components;
    private final HullDistance distance;
    private final ExtrapolationDepth depth;

    private PointSetHull(Pca pca, int components, HullDistance distance, ExtrapolationDepth depth) {
        this.pca = pca;
        this.components = components;
        this.distance = distance;
        this.depth = depth;
    }

    /**
     * Fits the principal components of {@code points} (one per row, at least 2) and prepares the solvers over them.
     */
    public static PointSetHull of(FloatMatrix points, Progress progress) {
        int components = Math.min(MAX_COMPONENTS, Math.min(points.cols(), points.rows() - 1));
        Pca pca = Pca.fit(points, components, progress);
        return new PointSetHull(pca, components, new HullDistance(points),
                new ExtrapolationDepth(pca.projectAll(points, components)));
    }

    /** The number of principal components the depth is measured over. */
    public int components() {
        return components;
    }

    /**
     * Both readouts of {@code query}, a vector in the points' space, within {@code budget}; what the budget leaves
     * undecided is reported as such.
     */
    public HullMeasurement measure(float[] query, Duration budget) {
        Deadline deadline = Deadline.after(budget);
        double[] point = HullMeasurement.widened(query);
        return HullMeasurement.of(distance, depth, point, distance.nearestRow(point), pca.project(query, components),
                deadline, MAX_ITERATIONS);
    }
}
