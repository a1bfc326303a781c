package io.noveltylens.core.analysis;

import java.time.Duration;

import io.noveltylens.core.NoveltyException;
import io.noveltylens.core.Progress;
import io.noveltylens.core.hull.Deadline;
import io.noveltylens.core.hull.ExtrapolationDepth;
import io.noveltylens.core.hull.HullDistance;
import io.noveltylens.core.hull.OracleWithAddedRows;
import io.noveltylens.core.hull.OracleFailure;
import io.noveltylens.core.index.HullData;
import io.noveltylens.core.math.FloatMatrix;

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

    /** The readouts against the corpus's passages, within the default budget. */
    public HullReport analyze(float[] query, int nearestOrdinal, HullData data, Progress progress)
            throws NoveltyException {
        return analyze(query, nearestOrdinal, data, null, budget, progress);
    }

    /** The time the readouts of one query may take unless a call gives another. */
    public Duration budget() {
        return budget;
    }

    /**
     * The readouts against the corpus's passages and, when given, {@code sentences} as further points of the hull
     * in the full space (a single sentence's: {@link io.noveltylens.core.index.NearbySentences}); the depth is over
     * the corpus's passages either way.
     *
     * @param sentences unit vectors of the corpus's dimension, or null for none
     * @throws NoveltyException when a remote corpus stops answering
     */
    public HullReport analyze(float[] query, int nearestOrdinal, HullData data, FloatMatrix sentences,
            Duration budget, Progress progress) throws NoveltyException {
        try {
            return measure(query, nearestOrdinal, data, sentences, budget, progress);
        } catch (OracleFailure e) {
            throw e.failure();
        }
    }

    private HullReport measure(float[] query, int nearestOrdinal, HullData data, FloatMatrix sentences,
            Duration budget, Progress progress) {
        // the budget is the query's: building the solvers (or waiting for a warm-up in progress) is not charged to it
        Solvers current = solversFor(data);
        long start = System.nanoTime();
        Deadline deadline = Deadline.after(budget);
        double[] point = HullMeasurement.widened(query);
        int startRow = nearestOrdinal >= 0 ? nearestOrdinal : current.distance().nearestRow(point);
        int addedPoints = sentences == null ? 0 : sentences.rows();
        HullDistance distance = addedPoints == 0 ? current.distance()
                : new HullDistance(new OracleWithAddedRows(data.vectors(), sentences),
                        current.distance().tolerance());
        int components = data.projected().dimension();
        HullMeasurement measured = HullMeasurement.of(distance, current.depth(), point, startRow,
                data.pca().project(query, components), deadline, MAX_ITERATIONS);
        progress.checkCanceled();
        return new HullReport(measured.distance(), data.neighbourDistance(), measured.depth(), components,
                addedPoints, null, (System.nanoTime() - start) / 1_000_000);
    }

    /** Builds the solvers for {@code data} now, so that the first {@link #analyze} spends its budget on the query. */
    public void prepare(HullData data) {
        solversFor(data);
    }

    /**
     * {@link #prepare}, then solves one made-up query within the budget and forgets the answer. The first solves of a
     * fresh JVM run interpreted code and decide only part of the depth curve within the budget (docs/benchmarks.md,
     * "Start-up and the hull budget"); for a long-lived front end that opens the engine ahead of the first selection.
     * An {@link #analyze} that arrives meanwhile waits for the warm-up rather than share the cores with it.
     */
    public synchronized void warmUp(HullData data) throws NoveltyException {
        float[][] pair = data.vectors().vectors(new int[] { 0, data.vectors().rows() / 2 });
        analyze(unitMidpoint(pair[0], pair[1]), -1, data, Progress.NONE);
    }

    /**
     * Between two corpus rows, pushed out to the unit sphere: outside the hull in the full space (so Frank-Wolfe
     * iterates) and near its middle in the leading components (so the depth sweep runs its linear programs).
     */
    private static float[] unitMidpoint(float[] a, float[] b) {
        float[] middle = new float[a.length];
        double norm = 0;
        for (int i = 0; i < a.length; i++) {
            middle[i] = a[i] + b[i];
            norm += middle[i] * (double) middle[i];
        }
        float scale = norm == 0 ? 0 : (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < middle.length; i++) {
            middle[i] *= scale;
        }
        return middle;
    }

    /**
     * The solvers precompute scales over the corpus: built once per corpus, not per query. Synchronized with
     * {@link #warmUp}, which holds the lock while it solves.
     */
    private synchronized Solvers solversFor(HullData data) {
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
