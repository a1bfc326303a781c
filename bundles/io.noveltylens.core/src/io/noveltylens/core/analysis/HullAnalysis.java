package io.noveltylens.core.analysis;

import java.time.Duration;

import io.noveltylens.core.NoveltyException;
import io.noveltylens.core.Progress;
import io.noveltylens.core.hull.Deadline;
import io.noveltylens.core.hull.ExtrapolationDepth;
import io.noveltylens.core.hull.HullDistance;
import io.noveltylens.core.hull.OracleFailure;
import io.noveltylens.core.index.HullData;

/**
 * The slow readouts, on unit embeddings ({@link HullData}): distance to the corpus hull in the full space (Frank-Wolfe
 * started at the nearest neighbour) and the extrapolation depth over the principal components, within one time
 * budget, both at once ({@link HullMeasurement}). An exhausted budget gives "undetermined" rather than a guess. The
 * corpus is behind the {@link HullData}'s oracles, so the same code serves a local index (exact scans) and a
 * SolrCloud collection (approximate searches, reported as not certified).
 */
public final class HullAnalysis {

    /**
     * Frank-Wolfe iterations for the full-space distance; outside proofs take 0-40 on real embeddings (docs/design.md
     * section 4).
     */
    static final int MAX_ITERATIONS = 2000;

    /** The budget of {@link #analyze(float[], int, HullData, Progress)}. */
    private final Duration budget;
    private volatile Solvers solvers;

    public HullAnalysis(Duration budget) {
        this.budget = budget;
    }

    public HullReport analyze(float[] query, int nearestOrdinal, HullData data, Progress progress)
            throws NoveltyException {
        return analyze(query, nearestOrdinal, data, budget, progress);
    }

    /**
     * As {@link #analyze(float[], int, HullData, Progress)} within another budget than the default.
     *
     * @throws NoveltyException when a remote corpus stops answering
     */
    public HullReport analyze(float[] query, int nearestOrdinal, HullData data, Duration budget, Progress progress)
            throws NoveltyException {
        try {
            return measure(query, nearestOrdinal, data, budget, progress);
        } catch (OracleFailure e) {
            throw e.failure();
        }
    }

    private HullReport measure(float[] query, int nearestOrdinal, HullData data, Duration budget, Progress progress) {
        long start = System.nanoTime();
        Deadline deadline = Deadline.after(budget);
        Solvers current = solversFor(data);
        double[] point = HullMeasurement.widened(query);
        int startRow = nearestOrdinal >= 0 ? nearestOrdinal : current.distance().nearestRow(point);
        int components = data.projected().dimension();
        HullMeasurement measured = HullMeasurement.of(current.distance(), current.depth(), point, startRow,
                data.pca().project(query, components), deadline, MAX_ITERATIONS);
        progress.checkCanceled();
        return new HullReport(measured.distance(), data.neighbourDistance(), measured.depth(), components, null,
                (System.nanoTime() - start) / 1_000_000);
    }

    /** Builds the solvers for {@code data} now, so that the first {@link #analyze} spends its budget on the query. */
    public void prepare(HullData data) {
        solversFor(data);
    }

    /** The solvers precompute scales over the corpus: built once per corpus, not per query. */
    private Solvers solversFor(HullData data) {
        Solvers current = solvers;
        if (current == null || current.data() != data) {
            current = new Solvers(data, new HullDistance(data.vectors()), new ExtrapolationDepth(data.projected()));
            solvers = current;
        }
        return current;
    }

    private record Solvers(HullData data, HullDistance distance, ExtrapolationDepth depth) {
    }
}
