package io.noveltylens.core.analysis;

import java.time.Duration;

import io.noveltylens.core.Progress;
import io.noveltylens.core.hull.Deadline;
import io.noveltylens.core.hull.ExtrapolationDepth;
import io.noveltylens.core.hull.ExtrapolationDepthResult;
import io.noveltylens.core.hull.HullDistance;
import io.noveltylens.core.hull.HullDistanceResult;
import io.noveltylens.core.index.HullData;

/**
 * The slow readouts: distance to the corpus hull in the full space (Frank-Wolfe started at the nearest neighbour)
 * and the extrapolation depth over the principal components, within one time budget. The budget is split: the full
 * distance takes at most {@link #DISTANCE_SHARE} of it, the depth sweep the rest, and an exhausted budget gives
 * "undetermined" rather than a guess.
 */
public final class HullAnalysis {

    static final double DISTANCE_SHARE = 0.4;
    /** Frank-Wolfe iterations for the full-space distance; outside proofs take 0-40 on real embeddings (DESIGN.md 4). */
    static final int MAX_ITERATIONS = 2000;

    /** The budget of {@link #analyze(float[], int, HullData, Progress)}. */
    private final Duration budget;
    private volatile Solvers solvers;

    public HullAnalysis(Duration budget) {
        this.budget = budget;
    }

    public HullReport analyze(float[] rawQuery, int nearestOrdinal, HullData data, Progress progress) {
        return analyze(rawQuery, nearestOrdinal, data, budget, progress);
    }

    /** As {@link #analyze(float[], int, HullData, Progress)} within another budget than the default. */
    public HullReport analyze(float[] rawQuery, int nearestOrdinal, HullData data, Duration budget, Progress progress) {
        long start = System.nanoTime();
        Deadline deadline = Deadline.after(budget);
        Solvers current = solversFor(data);
        double[] query = new double[rawQuery.length];
        for (int i = 0; i < query.length; i++) {
            query[i] = rawQuery[i];
        }
        int startRow = nearestOrdinal >= 0 ? nearestOrdinal : current.distance().nearestRow(query);
        HullDistanceResult distance = current.distance().distance(query, startRow, deadline.share(DISTANCE_SHARE),
                MAX_ITERATIONS);
        progress.checkCanceled();
        int components = data.projected().cols();
        ExtrapolationDepthResult depth = current.depth().measure(data.pca().project(rawQuery, components), deadline);
        return new HullReport(distance, data.rawNeighbourDistance(), depth, components,
                (System.nanoTime() - start) / 1_000_000);
    }

    /** The solvers precompute scales over the corpus: built once per corpus, not per query. */
    private Solvers solversFor(HullData data) {
        Solvers current = solvers;
        if (current == null || current.data() != data) {
            current = new Solvers(data, new HullDistance(data.raw()), new ExtrapolationDepth(data.projected()));
            solvers = current;
        }
        return current;
    }

    private record Solvers(HullData data, HullDistance distance, ExtrapolationDepth depth) {
    }
}
