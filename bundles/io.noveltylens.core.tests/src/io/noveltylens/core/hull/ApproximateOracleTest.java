package io.noveltylens.core.hull;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.noveltylens.core.Progress;
import io.noveltylens.core.math.FloatMatrix;
import io.noveltylens.core.math.Pca;

/**
 * The hull solvers over a linear oracle that misses the true maximum, as an approximate (HNSW) search may: the results
 * must say they are not certified, and what stays proved (the upper bound, "inside") must stay true. The oracle for
 * the true values is the exact scan ({@link ExactLinearOracle}), whose own results {@link HullDistanceTest} and
 * {@link LpHullMembershipTest} check against brute-force projection and exact LPs.
 */
class ApproximateOracleTest {

    private static final int MANY = 100_000;

    /**
     * Answers like the exact scan, except that the row with the largest value among those asked about is never
     * returned: an approximate search that always misses the best row.
     */
    private static final class MissingOracle extends ForwardingOracle implements ComponentOracle {

        MissingOracle(FloatMatrix corpus) {
            super(corpus);
        }

        @Override
        public Maximisers maximise(double[] direction, int count, FetchedRows held) {
            Maximisers all = exact.maximise(direction, count + 1, held);
            int best = 0;
            for (int i = 1; i < all.rows().length; i++) {
                best = all.values()[i] > all.values()[best] ? i : best;
            }
            int[] keep = new int[all.rows().length - 1];
            for (int i = 0, k = 0; i < all.rows().length; i++) {
                if (i != best) {
                    keep[k++] = i;
                }
            }
            return new Maximisers(Arrays.stream(keep).map(i -> all.rows()[i]).toArray(),
                    Arrays.stream(keep).mapToDouble(i -> all.values()[i]).toArray(),
                    Arrays.stream(keep).mapToObj(i -> all.vectors()[i]).toArray(float[][]::new), false);
        }

        @Override
        public ComponentOracle leadingComponents(int d) {
            return new MissingOracle(exact.matrix().leadingColumns(d));
        }
    }

    /**
     * Answers like the exact scan, except that it never returns the rows in {@code unreachable}: an approximate search
     * whose graph does not lead to them, whatever the direction.
     */
    private static final class UnreachableRowsOracle extends ForwardingOracle {

        private final Set<Integer> unreachable;

        UnreachableRowsOracle(FloatMatrix corpus, Set<Integer> unreachable) {
            super(corpus);
            this.unreachable = unreachable;
        }

        @Override
        public Maximisers maximise(double[] direction, int count, FetchedRows held) {
            Maximisers all = exact.maximise(direction, count + unreachable.size(), held);
            int[] keep = IntStream.range(0, all.rows().length).filter(i -> !unreachable.contains(all.rows()[i]))
                    .limit(count).toArray();
            return new Maximisers(Arrays.stream(keep).map(i -> all.rows()[i]).toArray(),
                    Arrays.stream(keep).mapToDouble(i -> all.values()[i]).toArray(),
                    Arrays.stream(keep).mapToObj(i -> all.vectors()[i]).toArray(float[][]::new), false);
        }
    }

    /**
     * Oracle: {@link Corpora#beyondFace}, a query exactly t from the interior of a face of three rows, and one of them
     * the search never returns, so every full pass that should find it misses its true maximiser. The solver started
     * at the farthest row can only reach the hull of the other rows, which is further away. The contract: the upper
     * bound is still a real distance (to the combination the result names, and at least t), the lower bound overstates
     * t (by more than the gap, on every query) and the result says it is not certified; the exact solver's certified
     * bracket holds t. A point of the hull of the rows the search does reach is still proved inside.
     */
    @Test
    void anUnreachableFaceRowLeavesTheUpperBoundTrueAndTheLowerBoundUncertified() {
        Random random = new Random(61);
        for (int dim : new int[] { 4, 16, 64 }) {
            for (int trial = 0; trial < 5; trial++) {
                double t = 0.05 + random.nextDouble();
                Corpora.FaceQuery face = Corpora.beyondFace(2000, dim, 3, t, random);
                FloatMatrix corpus = face.corpus();
                HullDistance exact = new HullDistance(corpus);
                HullDistance approximate = new HullDistance(new UnreachableRowsOracle(corpus, Set.of(face.face()[0])),
                        exact.tolerance());
                int start = Corpora.farthestRow(corpus, face.query());
                HullDistanceResult truth = exact.distance(face.query(), start, Deadline.NONE, MANY);
                HullDistanceResult missed = approximate.distance(face.query(), start, Deadline.NONE, MANY);
                String context = "dim " + dim + ", t " + t + ": exact " + truth + ", missing " + missed;
                assertTrue(truth.certified() && truth.converged(), context);
                assertTrue(truth.lowerBound() <= t * (1 + 1e-9) && truth.upperBound() >= t * (1 - 1e-9), context);
                assertFalse(missed.certified(), context);
                assertTrue(missed.upperBound() >= t * (1 - 1e-9), context);
                assertEquals(missed.upperBound(), distanceToCombination(corpus, missed, face.query()),
                        1e-6 * missed.upperBound(), context);
                assertTrue(missed.lowerBound() > t * (1 + HullTolerance.RELATIVE_GAP), context);

                double[] reachable = new double[dim];
                corpus.addScaledRow(face.face()[1], 0.5, reachable);
                corpus.addScaledRow(face.face()[2], 0.5, reachable);
                HullDistanceResult inside = approximate.distance(reachable, start, Deadline.NONE, MANY);
                assertEquals(HullVerdict.INSIDE, inside.verdict(), inside::toString);
                assertTrue(distanceToCombination(corpus, inside, reachable) <= inside.tolerance(), inside::toString);
            }
        }
    }

    /** Inside stays proved through a missing oracle: convex combinations of rows are still found inside. */
    @Test
    void insideVerdictsStayProvedThroughAMissingOracle() {
        Random random = new Random(62);
        FloatMatrix corpus = Corpora.gaussian(500, 6, random);
        HullTolerance tolerance = HullTolerance.relativeTo(corpus);
        MissingOracle missing = new MissingOracle(corpus);
        for (int trial = 0; trial < 10; trial++) {
            double[] query = Corpora.convexCombination(corpus, 12, random);
            int[] seeds = corpus.nearestRows(query, 8);
            HullDistanceResult lp = new SubsetLpMembership(missing, tolerance).test(query, seeds, Deadline.NONE);
            assertEquals(HullVerdict.INSIDE, lp.verdict(), lp::toString);
            assertTrue(distanceToCombination(corpus, lp, query) <= tolerance.insideDistance() * (1 + 1e-9),
                    lp::toString);
        }
    }

    /** An "outside" the subset LPs find through a missing oracle is reported as not certified. */
    @Test
    void anOutsideFromTheSubsetLpsThroughAMissingOracleIsNotCertified() {
        Random random = new Random(63);
        FloatMatrix corpus = Corpora.gaussian(500, 6, random);
        HullTolerance tolerance = HullTolerance.relativeTo(corpus);
        for (int trial = 0; trial < 5; trial++) {
            double[] query = Corpora.beyondSupportingHyperplane(corpus, 0.5, random);
            int[] seeds = corpus.nearestRows(query, 8);
            HullDistanceResult exact = new SubsetLpMembership(corpus, tolerance).test(query, seeds, Deadline.NONE);
            HullDistanceResult missed = new SubsetLpMembership(new MissingOracle(corpus), tolerance).test(query, seeds,
                    Deadline.NONE);
            assertEquals(HullVerdict.OUTSIDE, exact.verdict(), exact::toString);
            assertTrue(exact.certified());
            assertEquals(HullVerdict.OUTSIDE, missed.verdict(), missed::toString);
            assertFalse(missed.certified(), missed::toString);
        }
    }

    /**
     * The depth sweep through a missing oracle: not certified once it reports an "outside", and every dimension it
     * reports inside is inside by the exact sweep (inside is proved by an explicit convex combination).
     */
    @Test
    void aDepthCurveThroughAMissingOracleIsNotCertifiedAndItsInsideVerdictsHold() {
        Random random = new Random(65);
        FloatMatrix raw = Corpora.gaussian(800, 16, random);
        ExtrapolationDepth exact = new ExtrapolationDepth(raw);
        ExtrapolationDepth missing = new ExtrapolationDepth(new MissingOracle(raw), HullTolerance.relativeTo(raw));
        int outsides = 0;
        for (int trial = 0; trial < 10; trial++) {
            double[] query = Corpora.convexCombination(raw, 20, random);
            query[4 + trial % 8] += 2 + random.nextDouble();
            ExtrapolationDepthResult truth = exact.measure(query, Deadline.NONE);
            ExtrapolationDepthResult approximate = missing.measure(query, Deadline.NONE);
            assertTrue(truth.certified());
            for (int i = 0; i < truth.curve().size(); i++) {
                if (approximate.curve().get(i).verdict() == HullVerdict.INSIDE) {
                    assertEquals(HullVerdict.INSIDE, truth.curve().get(i).verdict(), truth + " vs " + approximate);
                }
            }
            if (approximate.curve().stream().anyMatch(point -> point.verdict() == HullVerdict.OUTSIDE)) {
                outsides++;
                assertFalse(approximate.certified(), approximate::toString);
            }
        }
        assertTrue(outsides > 0, "no query was found outside: the test proves nothing");
    }

    /**
     * The principal-component oracle over the raw rows answers as an exact scan of the projected rows
     * ({@link Pca#projectAll}) does: the same rows, values and spread, and the same depth curve.
     */
    @Test
    void principalComponentsThroughTheRawRowsAnswerAsTheProjectedRows() {
        Random random = new Random(64);
        FloatMatrix raw = Corpora.gaussian(600, 24, random);
        Pca pca = Pca.fit(raw, 8, Progress.NONE);
        ExactLinearOracle projected = new ExactLinearOracle(pca.projectAll(raw, 8));
        PrincipalComponentOracle throughRaw = new PrincipalComponentOracle(new ExactLinearOracle(raw), pca, 8);
        assertEquals(projected.spread(), throughRaw.spread(), 1e-4 * projected.spread());
        for (int trial = 0; trial < 10; trial++) {
            double[] direction = random.doubles(8).map(v -> v - 0.5).toArray();
            Maximisers expected = projected.maximise(direction, 5, new FetchedRows());
            Maximisers actual = throughRaw.maximise(direction, 5, new FetchedRows());
            assertEquals(sorted(expected.rows()).length, actual.rows().length);
            assertTrue(Arrays.equals(sorted(expected.rows()), sorted(actual.rows())));
            assertEquals(expected.max(), actual.max(), 1e-4);
            assertTrue(actual.certified());
        }
        ExtrapolationDepth exactDepth = new ExtrapolationDepth(projected);
        ExtrapolationDepth rawDepth = new ExtrapolationDepth(throughRaw, HullTolerance.relativeTo(projected));
        for (int trial = 0; trial < 5; trial++) {
            float[] query = raw.row(random.nextInt(raw.rows()));
            for (int j = 0; j < query.length; j++) {
                query[j] += (float) (0.3 * random.nextGaussian());
            }
            ExtrapolationDepthResult expected = exactDepth.measure(pca.project(query, 8), Deadline.NONE);
            ExtrapolationDepthResult actual = rawDepth.measure(pca.project(query, 8), Deadline.NONE);
            assertEquals(expected.depth(), actual.depth(), () -> expected + " vs " + actual);
            assertTrue(actual.certified());
        }
    }

    private static int[] sorted(int[] rows) {
        int[] copy = rows.clone();
        Arrays.sort(copy);
        return copy;
    }

    /** The distance from {@code query} to the convex combination the result names: its upper bound, recomputed. */
    private static double distanceToCombination(FloatMatrix corpus, HullDistanceResult result, double[] query) {
        double[] point = new double[query.length];
        double total = 0;
        for (HullVertex vertex : result.vertices()) {
            assertTrue(vertex.weight() >= 0);
            total += vertex.weight();
            corpus.addScaledRow(vertex.index(), vertex.weight(), point);
        }
        assertEquals(1, total, 1e-9);
        return Corpora.distance(point, query);
    }
}
