package io.noveltylens.core.hull;

import java.util.Arrays;

import io.noveltylens.core.math.FloatMatrix;

/**
 * The Euclidean distance from a query q to the convex hull of the rows x_1..x_N of a corpus, by pairwise Frank-Wolfe
 * (Lacoste-Julien and Jaggi, "On the Global Linear Convergence of Frank-Wolfe Optimization Variants", NIPS 2015,
 * Algorithm 2) on min ||X^T lambda - q||^2 over the simplex, with exact line search.
 * <p>
 * Every iterate p is an explicit convex combination, so ||q - p|| is an upper bound. With g = q - p, every hull point
 * y satisfies {@code <g, y> <= M = max_i <g, x_i>}, so the hyperplane {@code <g, y> = M} separates q from the hull by
 * {@code (<g, q> - M) / ||g||} when that is positive: a certified lower bound, and at the optimum it equals the distance.
 * M is exactly the value Frank-Wolfe's linear oracle computes, so the bound costs nothing extra. On 50k real sentence
 * embeddings this proved held-out queries outside in 0-1 iterations (docs/design.md section 4). The maximisation over all
 * rows is a {@link LinearOracle}'s: when it comes from an approximate search, M may be too small, and the result says
 * that its lower bound is not certified ({@link HullDistanceResult#certified()}); the upper bound stays a real
 * distance, because p is a convex combination of rows the oracle returned.
 * <p>
 * <b>Working set.</b> The linear oracle over all N rows is the whole cost (N x D multiply-adds: 26 M for the default
 * corpus, 25-70 ms on 2 loaded cores), and most of the N rows never matter. So the oracle runs over a working set of
 * rows, and over the whole corpus only when the working set's sub-problem has converged (or every
 * {@link #FULL_PASS_INTERVAL} steps): each full pass gives the certified lower bound and adds the
 * {@link #ROWS_PER_PASS} rows that point furthest along the gap, the only ones that can still improve the hull
 * point. This is column generation for Frank-Wolfe; it changes how often the full oracle runs, not what a result
 * proves, because every bound still comes from a full pass. Before it, every step was a full pass, and a distance
 * to 1 % took 42-52 of them on 65k clustered unit vectors ({@link HullTolerance#RELATIVE_GAP}).
 * <p>
 * The solver holds only the working set's vectors; the corpus stays behind the oracle. Only the full passes and a
 * growing working set allocate inside the loop. Thread-safe: every call has its own work arrays.
 */
public final class HullDistance {

    /** Rebuilding p from the weights this often keeps the incremental updates from drifting. */
    private static final int REFRESH_INTERVAL = 64;
    /** Steps over the working set between full passes, at most. */
    static final int FULL_PASS_INTERVAL = 200;
    /** Rows a full pass adds to the working set: enough for several steps, few enough to keep a step cheap. */
    static final int ROWS_PER_PASS = 64;

    private final LinearOracle corpus;
    private final HullTolerance tolerance;

    /** A solver over {@code corpus} in memory, with the default tolerances relative to its spread. */
    public HullDistance(FloatMatrix corpus) {
        this(new ExactLinearOracle(corpus));
    }

    public HullDistance(FloatMatrix corpus, HullTolerance tolerance) {
        this(new ExactLinearOracle(corpus), tolerance);
    }

    /** A solver over the rows {@code corpus} answers about, with the default tolerances relative to their spread. */
    public HullDistance(LinearOracle corpus) {
        this(corpus, HullTolerance.relativeTo(corpus));
    }

    public HullDistance(LinearOracle corpus, HullTolerance tolerance) {
        if (corpus.rows() == 0) {
            throw new IllegalArgumentException("The hull of an empty corpus is empty");
        }
        this.corpus = corpus;
        this.tolerance = tolerance;
    }

    public HullTolerance tolerance() {
        return tolerance;
    }

    /** The corpus row nearest to {@code query}: the natural start vertex when the caller has no neighbour at hand. */
    public int nearestRow(double[] query) {
        return corpus.nearestRows(query, 1)[0];
    }

    /**
     * Runs until the distance is known to {@link HullTolerance#relativeGap()}, or the query is inside, or the budget
     * runs out.
     *
     * @param start the row to start from, best the query's nearest neighbour (the hull point closest to a vertex)
     */
    public HullDistanceResult distance(double[] query, int start, Deadline deadline, int maxIterations) {
        return solve(query, start, deadline, maxIterations, false);
    }

    /** Runs only until the verdict is proved (inside, or outside by a certified margin), or the budget runs out. */
    public HullDistanceResult verdict(double[] query, int start, Deadline deadline, int maxIterations) {
        return solve(query, start, deadline, maxIterations, true);
    }

    private HullDistanceResult solve(double[] query, int start, Deadline deadline, int maxIterations,
            boolean verdictOnly) {
        int dim = corpus.dimension();
        if (query.length != dim) {
            throw new IllegalArgumentException("Expected a query of " + dim + " values, got " + query.length);
        }
        if (start < 0 || start >= corpus.rows()) {
            throw new IllegalArgumentException("Start row " + start + " is not in the corpus of " + corpus.rows());
        }
        double inside = tolerance.insideDistance();
        double[] point = new double[dim];
        double[] gap = new double[dim];
        double[] away = new double[dim];
        WorkingSet working = new WorkingSet();
        working.add(start, corpus.vectors(new int[] { start })[0]);
        ActiveSet active = new ActiveSet();
        active.add(0, 1);
        active.pointInto(working.rows(), point);

        double lower = 0;
        boolean certified = true;
        int iterations = 0;
        int sinceFullPass = FULL_PASS_INTERVAL;
        long passNanos = 0; // the last full pass's duration; the first pass always runs, for a lower bound
        boolean converged = false;
        while (true) {
            double gapSquared = 0;
            double gapDotQuery = 0;
            for (int j = 0; j < dim; j++) {
                gap[j] = query[j] - point[j];
                gapSquared += gap[j] * gap[j];
                gapDotQuery += gap[j] * query[j];
            }
            double upper = Math.sqrt(gapSquared);
            if (upper <= inside) {
                converged = true;
                break;
            }
            int toward = working.oracle(gap);
            boolean subProblemSolved = done((gapDotQuery - working.dot(toward)) / upper, upper, inside, verdictOnly);
            if (subProblemSolved || sinceFullPass >= FULL_PASS_INTERVAL) {
                if (passNanos > deadline.remainingNanos()) {
                    break; // a pass that cannot finish in time would only overrun the budget
                }
                long passStart = System.nanoTime();
                Maximisers found = corpus.maximise(gap, ROWS_PER_PASS, working.rows());
                passNanos = System.nanoTime() - passStart;
                certified &= found.certified();
                working.addAll(found);
                // the maximum over the working set and the rows found is the maximum over the whole corpus
                toward = working.oracle(gap);
                lower = Math.max(lower, (gapDotQuery - working.dot(toward)) / upper);
                if (done(lower, upper, inside, verdictOnly)) {
                    converged = true;
                    break;
                }
                sinceFullPass = 0;
            }
            if (iterations >= maxIterations || deadline.expired()) {
                break;
            }
            int from = awayVertex(active, working);
            double descent = working.dot(toward) - working.dot(from);
            Arrays.fill(away, 0);
            working.rows().vector(from).addScaledRow(0, 1, away);
            double stepSquared = working.rows().vector(toward).squaredDistance(0, away);
            if (!(descent > 0 && stepSquared > 0)) {
                if (sinceFullPass == 0) {
                    // No pair improves p even by the full oracle: optimal up to rounding, and the bound is final.
                    converged = true;
                    break;
                }
                sinceFullPass = FULL_PASS_INTERVAL;
                continue;
            }
            double step = Math.min(descent / stepSquared, active.weightOf(from));
            active.move(from, toward, step);
            iterations++;
            sinceFullPass++;
            if (iterations % REFRESH_INTERVAL == 0) {
                active.pointInto(working.rows(), point);
            } else {
                working.rows().vector(toward).addScaledRow(0, step, point);
                working.rows().vector(from).addScaledRow(0, -step, point);
            }
        }
        active.pointInto(working.rows(), point);
        double upper = Math.sqrt(squaredDistance(query, point));
        HullVerdict verdict = lower > inside ? HullVerdict.OUTSIDE
                : upper <= inside ? HullVerdict.INSIDE : HullVerdict.UNDETERMINED;
        return new HullDistanceResult(verdict, lower, upper, inside, iterations, converged, certified,
                active.vertices(working.rows()));
    }

    /** Whether a lower bound proves what was asked: the verdict, or the distance to the relative gap. */
    private boolean done(double lower, double upper, double inside, boolean verdictOnly) {
        return verdictOnly ? lower > inside : upper - lower <= tolerance.relativeGap() * upper;
    }

    /** The active position least aligned with the gap: moving weight off it decreases the distance most (the away step). */
    private static int awayVertex(ActiveSet active, WorkingSet working) {
        int best = active.member(0);
        for (int s = 1; s < active.size(); s++) {
            int position = active.member(s);
            if (working.dot(position) < working.dot(best)) {
                best = position;
            }
        }
        return best;
    }

    private static double squaredDistance(double[] a, double[] b) {
        double sum = 0;
        for (int j = 0; j < a.length; j++) {
            double diff = a[j] - b[j];
            sum += diff * diff;
        }
        return sum;
    }
}
