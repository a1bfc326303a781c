package io.noveltylens.core.hull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import io.noveltylens.core.math.FloatMatrix;

/**
 * Finds the largest number of leading principal components d in which a query is inside the hull of the projected
 * corpus (docs/design.md, Convex hull), over the dimensions {@link #DIMENSIONS}.
 * <p>
 * Projection onto the first d coordinates maps the hull onto the hull and never increases distances, so the verdicts
 * are monotone in d: inside at d implies inside below, outside at d implies outside above. A bisection over the
 * dimensions therefore decides the whole curve with about log2(12) decisions, and marks the rest as inferred. One
 * absolute tolerance (relative to the spread of all the columns) serves every d, which keeps the verdicts monotone
 * near the boundary too.
 * <p>
 * Each decision takes the cheapest proof first: d = 1 is a range check; Frank-Wolfe's certified lower bound proves
 * outside in a few iterations; linear programs over a growing subset of the corpus, starting from the query's nearest
 * points, decide the rest exactly ({@link SubsetLpMembership}). On 50k sentence embeddings the share inside fell from 98 % at d = 4 to 18 % at d = 16 and 0 from d = 32
 * (docs/design.md section 4), so the bisection starts in the middle. Each decision gets a share of the time left; an
 * inside proof is the expensive one, so a dimension its share leaves undecided is tried once more with the time the
 * cheaper decisions left. When the deadline runs out, the undecided dimensions are reported as such, never guessed.
 * <p>
 * The corpus is a {@link ComponentOracle}; when its maximisations come from an
 * approximate search, the "outside" verdicts rest on them and the result says they are not certified.
 */
public final class ExtrapolationDepth {

    /** The dimensions tried, those up to the number of projected columns. */
    public static final List<Integer> DIMENSIONS = List.of(1, 2, 3, 4, 6, 8, 12, 16, 24, 32, 48, 64);

    /** Enough for Frank-Wolfe's outside proofs, which take 0-1 iterations on real embeddings (docs/design.md section 4). */
    static final int FRANK_WOLFE_ITERATIONS = 200;
    /** The share of a decision's time Frank-Wolfe may use before the linear programs. */
    private static final double PROBE_SHARE = 0.25;

    private final ComponentOracle corpus;
    private final HullTolerance tolerance;
    private final int[] dimensions;

    /** A depth measure over {@code projectedCorpus} (N x D_max coordinates on the leading components). */
    public ExtrapolationDepth(FloatMatrix projectedCorpus) {
        this(new ExactLinearOracle(projectedCorpus));
    }

    public ExtrapolationDepth(FloatMatrix projectedCorpus, HullTolerance tolerance) {
        this(new ExactLinearOracle(projectedCorpus), tolerance);
    }

    /** A depth measure over the rows {@code projectedCorpus} answers about, in principal-component coordinates. */
    public ExtrapolationDepth(ComponentOracle projectedCorpus) {
        this(projectedCorpus, HullTolerance.relativeTo(projectedCorpus));
    }

    public ExtrapolationDepth(ComponentOracle projectedCorpus, HullTolerance tolerance) {
        if (projectedCorpus.rows() == 0 || projectedCorpus.dimension() == 0) {
            throw new IllegalArgumentException("The projected corpus is empty");
        }
        this.corpus = projectedCorpus;
        this.tolerance = tolerance;
        this.dimensions = DIMENSIONS.stream().mapToInt(Integer::intValue).filter(d -> d <= projectedCorpus.dimension())
                .toArray();
    }

    /**
     * Measures the depth of {@code projectedQuery} (its coordinates on the same components as the corpus).
     */
    public ExtrapolationDepthResult measure(double[] projectedQuery, Deadline deadline) {
        if (projectedQuery.length != corpus.dimension()) {
            throw new IllegalArgumentException(
                    "Expected " + corpus.dimension() + " coordinates, got " + projectedQuery.length);
        }
        int count = dimensions.length;
        Decision[] decisions = new Decision[count];
        boolean[] retried = new boolean[count];
        int inside = -1;
        int outside = count;
        while (!deadline.expired()) {
            int lo = inside;
            int hi = outside;
            int[] untried = IntStream.range(lo + 1, hi).filter(i -> decisions[i] == null).toArray();
            // once the cheap proofs are in, a dimension left undecided by its share gets the time that is left
            int[] open = untried.length > 0 ? untried
                    : IntStream.range(lo + 1, hi).filter(i -> !retried[i]).toArray();
            if (open.length == 0) {
                break;
            }
            int next = closestToMiddle(open, lo, hi);
            retried[next] = decisions[next] != null;
            int stepsLeft = 32 - Integer.numberOfLeadingZeros(open.length);
            Decision decision = decide(dimensions[next], projectedQuery, deadline.share(1.0 / stepsLeft));
            decisions[next] = decision;
            if (decision.verdict() == HullVerdict.INSIDE) {
                inside = next;
            } else if (decision.verdict() == HullVerdict.OUTSIDE) {
                outside = next;
            }
        }
        boolean certified = Arrays.stream(decisions)
                .allMatch(decision -> decision == null || decision.verdict() != HullVerdict.OUTSIDE
                        || decision.certified());
        return new ExtrapolationDepthResult(inside >= 0 ? dimensions[inside] : 0, curve(decisions, inside, outside),
                inside + 1 == outside, certified);
    }

    /**
     * The bisection's next index among {@code open} (inside {@code (lo, hi)}): d = 1 first, whose range check costs
     * one pass over a column and proves something however short the budget; else the one nearest the middle.
     */
    private static int closestToMiddle(int[] open, int lo, int hi) {
        if (open[0] == 0) {
            return 0;
        }
        double middle = (lo + hi) / 2.0;
        return Arrays.stream(open).boxed().min((a, b) -> Double.compare(Math.abs(a - middle), Math.abs(b - middle)))
                .orElseThrow();
    }

    private List<DepthVerdict> curve(Decision[] decisions, int inside, int outside) {
        List<DepthVerdict> curve = new ArrayList<>(dimensions.length);
        for (int i = 0; i < dimensions.length; i++) {
            Decision own = decisions[i];
            if (i <= inside || i >= outside) {
                HullVerdict verdict = i <= inside ? HullVerdict.INSIDE : HullVerdict.OUTSIDE;
                int source = nearestProof(decisions, i, verdict);
                DepthVerdict.Basis basis = source == i ? DepthVerdict.Basis.PROVED : DepthVerdict.Basis.INFERRED;
                curve.add(new DepthVerdict(dimensions[i], verdict, basis, decisions[source].method(),
                        dimensions[source]));
            } else if (own != null) {
                curve.add(new DepthVerdict(dimensions[i], HullVerdict.UNDETERMINED, DepthVerdict.Basis.UNDECIDED,
                        own.method(), -1));
            } else {
                curve.add(new DepthVerdict(dimensions[i], HullVerdict.UNDETERMINED, DepthVerdict.Basis.NOT_TRIED, null,
                        -1));
            }
        }
        return curve;
    }

    /** The closest decided index at or beyond {@code i} (above for inside, below for outside) with {@code verdict}. */
    private static int nearestProof(Decision[] decisions, int i, HullVerdict verdict) {
        int step = verdict == HullVerdict.INSIDE ? 1 : -1;
        int j = i;
        while (decisions[j] == null || decisions[j].verdict() != verdict) {
            j += step;
        }
        return j;
    }

    private Decision decide(int d, double[] projectedQuery, Deadline deadline) {
        double[] query = Arrays.copyOf(projectedQuery, d);
        if (d == 1) {
            return rangeDecision(query[0]);
        }
        LinearOracle space = corpus.leadingComponents(d);
        int[] neighbours = space.nearestRows(query, neighbourCount(d));
        HullDistanceResult frankWolfe = new HullDistance(space, tolerance)
                .verdict(query, neighbours[0], deadline.share(PROBE_SHARE), FRANK_WOLFE_ITERATIONS);
        if (frankWolfe.verdict() != HullVerdict.UNDETERMINED) {
            return new Decision(frankWolfe.verdict(), HullMethod.FRANK_WOLFE, frankWolfe.certified());
        }
        HullDistanceResult lp = new SubsetLpMembership(space, tolerance).test(query, neighbours, deadline);
        return new Decision(lp.verdict(), HullMethod.LP, lp.certified());
    }

    /** In one coordinate the hull is [min, max]: the largest values along +1 and -1. */
    private Decision rangeDecision(double value) {
        LinearOracle line = corpus.leadingComponents(1);
        Maximisers largest = line.maximise(new double[] { 1 }, 1, new FetchedRows());
        Maximisers smallest = line.maximise(new double[] { -1 }, 1, new FetchedRows());
        double distance = Math.max(0, Math.max(-smallest.max() - value, value - largest.max()));
        return new Decision(distance > tolerance.insideDistance() ? HullVerdict.OUTSIDE : HullVerdict.INSIDE,
                HullMethod.RANGE, largest.certified() && smallest.certified());
    }

    /**
     * The first subset of the linear programs: at least d + 1 rows are needed to enclose anything. The hull of
     * k = 50-1000 neighbours held the query at d = 8 for 43-71 % of real sentences (docs/design.md section 4); 16 (d + 1), at least
     * 64, stays in that range for the small d where a subset this small can succeed, and keeps the first LP a few
     * milliseconds.
     */
    private static int neighbourCount(int d) {
        return Math.max(64, 16 * (d + 1));
    }

    /** @param certified whether an OUTSIDE verdict rests on exact maximisations only */
    private record Decision(HullVerdict verdict, HullMethod method, boolean certified) {
    }
}
