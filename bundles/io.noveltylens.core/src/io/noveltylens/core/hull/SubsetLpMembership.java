package io.noveltylens.core.hull;

import java.util.List;

import io.noveltylens.core.math.FloatMatrix;

/**
 * Exact hull membership over a large corpus by linear programs over a growing subset of its rows (column
 * generation), so that no LP ever holds all N rows.
 * <p>
 * The LP over a subset ({@link LpHullMembership}) proves "inside" outright, since the subset's hull lies in the
 * corpus's. Otherwise its multipliers give a hyperplane that separates the query from the subset; one pass over all
 * rows either confirms that it separates the query from the whole corpus ("outside", with a certified distance
 * bound) or finds the rows on the query's side of it, which join the subset for the next round. That pass is a
 * {@link LinearOracle}'s maximisation, so an "outside" found through an approximate search is reported as not
 * certified; "inside" is always proved. Each round costs one N x d pass and an LP over a few hundred columns, where one LP over all rows needs a dense tableau of
 * (d + 1) x (N + 3d + 1) doubles: 36 MB and 60-700 ms at d = 64, N = 69k, built before its deadline can act.
 */
public final class SubsetLpMembership {

    /** Rows a round adds at most: those furthest on the query's side of the subset's separating hyperplane. */
    static final int ROWS_PER_ROUND = 64;

    private final LinearOracle corpus;
    private final HullTolerance tolerance;

    public SubsetLpMembership(FloatMatrix corpus, HullTolerance tolerance) {
        this(new ExactLinearOracle(corpus), tolerance);
    }

    public SubsetLpMembership(LinearOracle corpus, HullTolerance tolerance) {
        if (corpus.rows() == 0) {
            throw new IllegalArgumentException("The hull of an empty corpus is empty");
        }
        this.corpus = corpus;
        this.tolerance = tolerance;
    }

    /**
     * Decides whether {@code query} is in the hull of all rows, starting from the subset {@code seeds} (best the
     * query's nearest rows, whose hull holds it whenever any small subset's does). Stops UNDETERMINED, with the
     * bounds proved so far, when the deadline passes.
     */
    public HullDistanceResult test(double[] query, int[] seeds, Deadline deadline) {
        double inside = tolerance.insideDistance();
        FetchedRows subset = new FetchedRows();
        subset.addFrom(corpus, seeds);
        double lower = 0;
        double upper = Double.POSITIVE_INFINITY;
        boolean certified = true;
        List<HullVertex> vertices = List.of();
        long roundNanos = 0;
        while (true) {
            if (roundNanos > deadline.remainingNanos()) {
                // a round that cannot finish in time would only overrun the budget
                return new HullDistanceResult(HullVerdict.UNDETERMINED, lower, upper, inside, 0, false, certified,
                        vertices);
            }
            long roundStart = System.nanoTime();
            LpHullMembership.Solution solution = new LpHullMembership(subset.matrix(), tolerance).solve(query,
                    deadline);
            if (solution.result().upperBound() < upper) {
                upper = solution.result().upperBound();
                vertices = inCorpus(solution.result().vertices(), subset);
            }
            if (upper <= inside) {
                return new HullDistanceResult(HullVerdict.INSIDE, lower, upper, inside, 0, true, certified, vertices);
            }
            double[] direction = solution.direction();
            if (direction == null || deadline.expired()) {
                return new HullDistanceResult(HullVerdict.UNDETERMINED, lower, upper, inside, 0, false, certified,
                        vertices);
            }
            Maximisers found = corpus.maximise(direction, ROWS_PER_ROUND, subset);
            certified &= found.certified();
            double alongQuery = 0;
            for (int j = 0; j < query.length; j++) {
                alongQuery += direction[j] * query[j];
            }
            lower = Math.max(lower, alongQuery - Math.max(subset.maxDot(direction), found.max()));
            if (lower > inside) {
                return new HullDistanceResult(HullVerdict.OUTSIDE, lower, upper, inside, 0, true, certified, vertices);
            }
            double threshold = alongQuery - inside;
            boolean added = false;
            for (int i = 0; i < found.rows().length; i++) {
                if (found.values()[i] >= threshold) {
                    added |= subset.add(found.rows()[i], found.vectors()[i]);
                }
            }
            if (!added) {
                // the subset's LP stopped short of its optimum (its deadline): its hyperplane proves nothing new
                return new HullDistanceResult(HullVerdict.UNDETERMINED, lower, upper, inside, 0, false, certified,
                        vertices);
            }
            roundNanos = System.nanoTime() - roundStart;
        }
    }

    private static List<HullVertex> inCorpus(List<HullVertex> vertices, FetchedRows subset) {
        return vertices.stream().map(vertex -> new HullVertex(subset.row(vertex.index()), vertex.weight())).toList();
    }
}
