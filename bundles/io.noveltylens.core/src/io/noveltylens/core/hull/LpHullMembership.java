package io.noveltylens.core.hull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.ojalgo.matrix.store.R064Store;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.linear.LinearSolver;
import org.ojalgo.structure.Access1D;
import org.ojalgo.structure.Access2D;

import io.noveltylens.core.math.FloatMatrix;

/**
 * Exact hull membership by linear programming: is {@code q = X^T lambda, lambda >= 0, sum lambda = 1} feasible?
 * <p>
 * Solved as an always-feasible phase-1 problem, min {@code sum(s+ + s-)} subject to
 * {@code X^T lambda + s+ - s- = q, sum lambda = 1, lambda, s+, s- >= 0}: its optimum is the L1 distance to the hull,
 * so an outside query gets a clear positive value instead of a solver's "infeasible" state. Neither verdict trusts the
 * solver's tolerances: INSIDE is re-checked by forming {@code sum lambda_i x_i} and measuring its Euclidean distance to
 * q; OUTSIDE needs the dual y (a separating direction: {@code <y, q> > max_i <y, x_i>} at the optimum) to give a
 * positive distance bound when recomputed over every row, as {@link HullDistance} does for its gap direction.
 * <p>
 * ojAlgo's standard-form {@link LinearSolver} (a dense two-phase simplex tableau of (D + 1) x (N + 3D + 1) doubles)
 * is used, not {@code ExpressionsBasedModel}, which stores BigDecimal and is too slow at corpus scale (docs/design.md section 4).
 * The deadline is ojAlgo's own {@code time_abort}, checked before every pivot, so a solve overruns it by at most one
 * pivot (O(N D) work); building the tableau (also O(N D)) happens before the clock starts. Measured 60-700 ms at
 * d = 2..64 and 10-20 s at D = 384 with N = 50k.
 */
public final class LpHullMembership {

    private final FloatMatrix corpus;
    private final HullTolerance tolerance;

    /** A membership test over {@code corpus} with the default tolerances relative to its spread. */
    public LpHullMembership(FloatMatrix corpus) {
        this(corpus, HullTolerance.relativeTo(corpus));
    }

    public LpHullMembership(FloatMatrix corpus, HullTolerance tolerance) {
        if (corpus.rows() == 0) {
            throw new IllegalArgumentException("The hull of an empty corpus is empty");
        }
        this.corpus = corpus;
        this.tolerance = tolerance;
    }

    public HullTolerance tolerance() {
        return tolerance;
    }

    /**
     * Decides whether {@code query} is in the hull. When the deadline has passed before the solve, or the solve stops
     * on it, the verdict is whatever the solver's last point and multipliers prove (often UNDETERMINED, with an
     * infinite upper bound if there is no point at all).
     */
    public HullDistanceResult test(double[] query, Deadline deadline) {
        return solve(query, deadline).result();
    }

    /**
     * The verdict and, when the query is not inside, the unit direction {@code y} the LP's multipliers give, oriented
     * so that {@code <y, q>} exceeds {@code <y, x_i>} for the rows by as much as possible: the hyperplane a caller
     * can test against rows this LP did not see ({@link SubsetLpMembership}).
     */
    Solution solve(double[] query, Deadline deadline) {
        int rows = corpus.rows();
        int dim = corpus.cols();
        if (query.length != dim) {
            throw new IllegalArgumentException("Expected a query of " + dim + " values, got " + query.length);
        }
        double inside = tolerance.insideDistance();
        long millis = deadline.remainingNanos() / 1_000_000;
        if (millis <= 0) {
            return new Solution(new HullDistanceResult(HullVerdict.UNDETERMINED, 0, Double.POSITIVE_INFINITY, inside,
                    0, false, true, List.of()), null);
        }
        double[] cost = new double[rows + 2 * dim];
        Arrays.fill(cost, rows, cost.length, 1);
        double[] rhs = Arrays.copyOf(query, dim + 1);
        rhs[dim] = 1;
        Optimisation.Options options = new Optimisation.Options();
        options.time_abort = millis;
        options.time_suffice = millis;
        Optimisation.Result result = LinearSolver.newBuilder(cost)
                .equalities(new ConstraintBody(corpus), R064Store.wrap(rhs))
                .build(options)
                .solve();

        List<HullVertex> vertices = vertices(result, rows);
        double upper = vertices.isEmpty() ? Double.POSITIVE_INFINITY : distanceToCombination(query, vertices);
        Hyperplane hyperplane = result.getMultipliers().map(duals -> hyperplane(query, duals)).orElse(null);
        double[] direction = hyperplane == null ? null : hyperplane.direction();
        double lower = hyperplane == null ? 0 : Math.max(0, hyperplane.separation());
        HullVerdict verdict = lower > inside ? HullVerdict.OUTSIDE
                : upper <= inside ? HullVerdict.INSIDE : HullVerdict.UNDETERMINED;
        HullDistanceResult outcome = new HullDistanceResult(verdict, lower, upper, inside, 0,
                result.getState().isOptimal(), true, vertices);
        return new Solution(outcome, verdict == HullVerdict.INSIDE ? null : direction);
    }

    /** A result, and the separating direction for a query not proved inside (null when the LP gave none). */
    record Solution(HullDistanceResult result, double[] direction) {
    }

    /** The lambda part of the solution, clamped to the simplex (the solver may leave -1e-17 where 0 is meant). */
    private static List<HullVertex> vertices(Optimisation.Result result, int rows) {
        if (result.size() < rows) {
            return List.of();
        }
        double total = 0;
        for (int i = 0; i < rows; i++) {
            total += Math.max(result.doubleValue(i), 0);
        }
        List<HullVertex> vertices = new ArrayList<>();
        if (total > 0) {
            for (int i = 0; i < rows; i++) {
                double weight = result.doubleValue(i);
                if (weight > 0) {
                    vertices.add(new HullVertex(i, weight / total));
                }
            }
        }
        vertices.sort(Comparator.comparingDouble(HullVertex::weight).reversed());
        return vertices;
    }

    private double distanceToCombination(double[] query, List<HullVertex> vertices) {
        double[] point = new double[query.length];
        for (HullVertex vertex : vertices) {
            corpus.addScaledRow(vertex.index(), vertex.weight(), point);
        }
        double sum = 0;
        for (int j = 0; j < query.length; j++) {
            double diff = query[j] - point[j];
            sum += diff * diff;
        }
        return Math.sqrt(sum);
    }

    /**
     * The multipliers y of the first D constraints as a unit vector, with the sign under which the hyperplane
     * separates best, because it is the direction that matters, not ojAlgo's sign convention; null when they are 0.
     * One pass over the rows gives both signs' separations: {@code <y, q> - max_i <y, x_i>} and
     * {@code min_i <y, x_i> - <y, q>}.
     */
    private Hyperplane hyperplane(double[] query, Access1D<?> duals) {
        int dim = query.length;
        if (duals.size() < dim) {
            return null;
        }
        double[] direction = new double[dim];
        double norm = 0;
        for (int j = 0; j < dim; j++) {
            direction[j] = duals.doubleValue(j);
            norm += direction[j] * direction[j];
        }
        norm = Math.sqrt(norm);
        if (!(norm > 0)) {
            return null;
        }
        double alongQuery = 0;
        for (int j = 0; j < dim; j++) {
            direction[j] /= norm;
            alongQuery += direction[j] * query[j];
        }
        double max = Double.NEGATIVE_INFINITY;
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0; i < corpus.rows(); i++) {
            double along = corpus.dotRow(i, direction);
            max = Math.max(max, along);
            min = Math.min(min, along);
        }
        if (min - alongQuery > alongQuery - max) {
            for (int j = 0; j < dim; j++) {
                direction[j] = -direction[j];
            }
            return new Hyperplane(direction, min - alongQuery);
        }
        return new Hyperplane(direction, alongQuery - max);
    }

    /**
     * A unit direction y and {@code <y, q> - max_i <y, x_i>} over this LP's rows: when positive, a certified lower
     * bound on the distance from q to their hull.
     */
    private record Hyperplane(double[] direction, double separation) {
    }

    /**
     * The equality constraints' matrix, [X^T I -I; 1 0 0], read straight from the corpus so that the builder's copy is
     * the only one made.
     */
    private static final class ConstraintBody implements Access2D<Double> {

        private final FloatMatrix corpus;

        ConstraintBody(FloatMatrix corpus) {
            this.corpus = corpus;
        }

        @Override
        public int getRowDim() {
            return corpus.cols() + 1;
        }

        @Override
        public int getColDim() {
            return corpus.rows() + 2 * corpus.cols();
        }

        @Override
        public double doubleValue(int row, int col) {
            int rows = corpus.rows();
            int dim = corpus.cols();
            if (row == dim) {
                return col < rows ? 1 : 0;
            }
            if (col < rows) {
                return corpus.get(col, row);
            }
            if (col - rows == row) {
                return 1;
            }
            return col - rows - dim == row ? -1 : 0;
        }

        @Override
        public Double get(long row, long col) {
            return Double.valueOf(doubleValue(Math.toIntExact(row), Math.toIntExact(col)));
        }
    }
}
