package io.noveltylens.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.noveltylens.benchmarks.ResultTable.Status;
import io.noveltylens.core.hull.Deadline;
import io.noveltylens.core.hull.ExactLinearOracle;
import io.noveltylens.core.hull.ExtrapolationDepth;
import io.noveltylens.core.hull.HullDistance;
import io.noveltylens.core.hull.HullDistanceResult;
import io.noveltylens.core.hull.HullTolerance;
import io.noveltylens.core.hull.HullVerdict;
import io.noveltylens.core.hull.LinearOracle;
import io.noveltylens.core.hull.LpHullMembership;
import io.noveltylens.core.index.HullData;
import io.noveltylens.core.math.FloatMatrix;

/**
 * Frank-Wolfe ({@link HullDistance}) against the exact LP ({@link LpHullMembership}) on the same queries: in the full
 * unit space, and in the leading principal components at some dimensions of the depth sweep; plus the product's whole
 * {@link ExtrapolationDepth} sweep. Frank-Wolfe starts from the query's nearest row, as the product starts it from the
 * nearest neighbour the kNN search already found; finding that row is not timed.
 */
final class HullBench {

    /** Dimensions of the depth sweep compared one by one: around the measured depth of sentences (8-16) and above. */
    static final int[] SWEEP_DIMENSIONS = { 8, 16, 32, 64 };
    /**
     * An LP slower than this is stopped and counted as undecided: the full-dimension LP took 10-20 s at 50k in the
     * spike (docs/design.md section 4), and three of them per corpus size must fit the full run's 15 minutes.
     */
    static final Duration LP_LIMIT = Duration.ofSeconds(20);
    static final int FRANK_WOLFE_ITERATIONS = 2000;

    /** Per-query Frank-Wolfe full-dimension and whole-sweep times, for the corpus-size table. */
    record Figures(Samples frankWolfeFullMillis, Samples sweepMillis) {
    }

    private HullBench() {
    }

    /** Frank-Wolfe and the product's sweep only: the LP comparison is for {@link #compare}. */
    static Figures measure(HullData data, List<float[]> unitQueries) {
        HullDistance full = new HullDistance(data.vectors());
        ExtrapolationDepth depth = new ExtrapolationDepth(data.projected());
        List<Double> frankWolfe = new ArrayList<>();
        List<Double> sweep = new ArrayList<>();
        // the first query once untimed, so that the timed ones run compiled code
        for (int pass = 0; pass < 2; pass++) {
            for (float[] unit : pass == 0 ? unitQueries.subList(0, 1) : unitQueries) {
                double[] query = toDouble(unit);
                int start = full.nearestRow(query);
                long t0 = System.nanoTime();
                full.distance(query, start, Deadline.NONE, FRANK_WOLFE_ITERATIONS);
                long t1 = System.nanoTime();
                depth.measure(data.pca().project(unit, data.projected().dimension()), Deadline.after(LP_LIMIT));
                long t2 = System.nanoTime();
                if (pass == 1) {
                    frankWolfe.add((t1 - t0) / 1e6);
                    sweep.add((t2 - t1) / 1e6);
                }
            }
        }
        return new Figures(Samples.of(frankWolfe), Samples.of(sweep));
    }

    /** Frank-Wolfe vs LP at full dimension (if {@code fullDimension}) and at {@link #SWEEP_DIMENSIONS}. */
    static void compare(String corpusName, HullData data, List<float[]> unitQueries, boolean fullDimension,
            ResultTable table) {
        FloatMatrix corpus = inMemory(data.vectors());
        FloatMatrix projected = inMemory(data.projected());
        if (fullDimension) {
            List<double[]> queries = unitQueries.stream().map(HullBench::toDouble).toList();
            compareAt(corpusName + ", full " + corpus.cols() + "-d unit space", corpus,
                    HullTolerance.relativeTo(corpus),
                    queries, table);
        } else {
            table.note(corpusName + ": the full-dimension LP was not run in this plan (10-20 s per query at 50k, "
                    + "docs/design.md section 4); the full run does it.");
        }
        HullTolerance sweepTolerance = HullTolerance.relativeTo(projected);
        for (int d : SWEEP_DIMENSIONS) {
            if (d > projected.cols()) {
                continue;
            }
            List<double[]> queries = new ArrayList<>();
            for (float[] unit : unitQueries) {
                queries.add(data.pca().project(unit, d));
            }
            compareAt(corpusName + ", depth sweep d=" + d, projected.leadingColumns(d), sweepTolerance, queries,
                    table);
        }
    }

    /** The rows of a local index's hull data: the LP comparison needs them as a matrix, not behind an oracle. */
    static FloatMatrix inMemory(LinearOracle rows) {
        if (rows instanceof ExactLinearOracle exact) {
            return exact.matrix();
        }
        throw new IllegalStateException("The benchmarks run on a local index, whose hull data are in memory");
    }

    private static void compareAt(String what, FloatMatrix space, HullTolerance tolerance, List<double[]> queries,
            ResultTable table) {
        HullDistance frankWolfe = new HullDistance(space, tolerance);
        LpHullMembership lp = new LpHullMembership(space, tolerance);
        List<Double> fwMillis = new ArrayList<>();
        List<Double> lpMillis = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        int agree = 0; // queries whose two verdicts do not contradict
        int fwOpen = 0;
        int lpOpen = 0;
        int inside = 0;
        for (double[] query : queries) {
            int start = frankWolfe.nearestRow(query);
            long t0 = System.nanoTime();
            HullDistanceResult fw = frankWolfe.verdict(query, start, Deadline.after(LP_LIMIT), FRANK_WOLFE_ITERATIONS);
            long t1 = System.nanoTime();
            HullDistanceResult exact = lp.test(query, Deadline.after(LP_LIMIT));
            long t2 = System.nanoTime();
            fwMillis.add((t1 - t0) / 1e6);
            lpMillis.add((t2 - t1) / 1e6);
            ratios.add((t2 - t1) / (double) Math.max(1, t1 - t0));
            fwOpen += fw.verdict() == HullVerdict.UNDETERMINED ? 1 : 0;
            lpOpen += exact.verdict() == HullVerdict.UNDETERMINED ? 1 : 0;
            inside += exact.verdict() == HullVerdict.INSIDE ? 1 : 0;
            // only two proofs can contradict each other; an undecided side proves nothing either way
            boolean bothDecided = fw.verdict() != HullVerdict.UNDETERMINED
                    && exact.verdict() != HullVerdict.UNDETERMINED;
            agree += bothDecided && fw.verdict() != exact.verdict() ? 0 : 1;
        }
        String verdicts = String.format("LP inside %d/%d; undecided: Frank-Wolfe %d, LP %d (stopped at the %d s "
                + "limit); contradictions %d", inside, queries.size(), fwOpen, lpOpen, LP_LIMIT.toSeconds(),
                queries.size() - agree);
        table.add("Hull", what + " (ms per query; " + verdicts + ")",
                "Frank-Wolfe " + Samples.of(fwMillis).describeRange("%.1f"),
                "exact LP " + Samples.of(lpMillis).describeRange("%.0f"),
                "LP/FW " + Samples.of(ratios).describeRange("%.0fx"), "no contradicting verdicts",
                Status.of(agree == queries.size()));
    }

    static double[] toDouble(float[] values) {
        double[] result = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = values[i];
        }
        return result;
    }
}
