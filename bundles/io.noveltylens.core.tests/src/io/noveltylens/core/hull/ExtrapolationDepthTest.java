package io.noveltylens.core.hull;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.noveltylens.core.math.FloatMatrix;

class ExtrapolationDepthTest {

    /** Coordinates on principal components: independent, with variances falling like a PCA spectrum. */
    private static FloatMatrix projectedCorpus(int rows, int dim, Random random) {
        float[] data = new float[rows * dim];
        for (int i = 0; i < rows; i++) {
            for (int c = 0; c < dim; c++) {
                data[i * dim + c] = (float) (random.nextGaussian() / Math.sqrt(1 + c));
            }
        }
        return new FloatMatrix(rows, dim, data);
    }

    /** A query that is a convex combination in its first {@code inside} coordinates and far off in the next one. */
    private static double[] insideUpTo(FloatMatrix corpus, int inside, Random random) {
        double[] query = Corpora.convexCombination(corpus, 30, random);
        if (inside < query.length) {
            query[inside] = 50;
            Arrays.fill(query, inside + 1, query.length, 0);
        }
        return query;
    }

    /** Oracle: projection keeps the convex combination in the first d0 coordinates and the far coordinate beyond. */
    @Test
    void depthIsTheLastDimensionWhereTheQueryIsAConvexCombination() {
        Random random = new Random(41);
        FloatMatrix corpus = projectedCorpus(400, 16, random);
        ExtrapolationDepth depth = new ExtrapolationDepth(corpus);
        int[][] expectations = { { 8, 8 }, { 5, 4 }, { 0, 0 }, { 1, 1 }, { 13, 12 }, { 16, 16 } };
        for (int[] expectation : expectations) {
            ExtrapolationDepthResult result = depth.measure(insideUpTo(corpus, expectation[0], random), Deadline.NONE);
            assertEquals(expectation[1], result.depth(), () -> "inside up to " + expectation[0] + ": " + result);
            assertTrue(result.complete(), result::toString);
            assertMonotone(result.curve());
            assertEvidenceIsConsistent(result.curve());
        }
    }

    /** Oracle: the full LP run separately in every dimension, with no inference. */
    @Test
    void everyVerdictOfTheCurveMatchesAnLpInThatDimension() {
        Random random = new Random(42);
        FloatMatrix corpus = projectedCorpus(300, 16, random);
        HullTolerance tolerance = HullTolerance.relativeTo(corpus);
        ExtrapolationDepth depth = new ExtrapolationDepth(corpus, tolerance);
        int inferred = 0;
        for (int trial = 0; trial < 8; trial++) {
            double[] query = new double[16];
            for (int c = 0; c < 16; c++) {
                query[c] = random.nextGaussian() / Math.sqrt(1 + c);
            }
            ExtrapolationDepthResult result = depth.measure(query, Deadline.NONE);
            assertTrue(result.complete(), result::toString);
            assertMonotone(result.curve());
            assertEvidenceIsConsistent(result.curve());
            for (DepthVerdict point : result.curve()) {
                int d = point.dimension();
                HullVerdict exact = new LpHullMembership(corpus.leadingColumns(d), tolerance)
                        .test(Arrays.copyOf(query, d), Deadline.NONE).verdict();
                assertEquals(exact, point.verdict(), () -> "d = " + d + ": " + result);
                if (point.basis() == DepthVerdict.Basis.INFERRED) {
                    inferred++;
                }
            }
        }
        assertTrue(inferred > 0, "bisection should have inferred some verdicts instead of computing all");
    }

    @Test
    void noBudgetGivesAnUndeterminedCurveNotAGuess() {
        Random random = new Random(43);
        FloatMatrix corpus = projectedCorpus(200, 8, random);
        ExtrapolationDepthResult result = new ExtrapolationDepth(corpus)
                .measure(insideUpTo(corpus, 4, random), Deadline.after(Duration.ZERO));
        assertFalse(result.complete());
        assertEquals(0, result.depth());
        for (DepthVerdict point : result.curve()) {
            assertEquals(HullVerdict.UNDETERMINED, point.verdict());
            assertEquals(DepthVerdict.Basis.NOT_TRIED, point.basis());
            assertNull(point.method());
        }
    }

    /** A short budget may leave dimensions undetermined, but never changes a verdict it does report. */
    @Test
    void tightBudgetOnlyWithholdsVerdicts() {
        Random random = new Random(44);
        FloatMatrix corpus = projectedCorpus(5000, 32, random);
        ExtrapolationDepth depth = new ExtrapolationDepth(corpus);
        for (int trial = 0; trial < 3; trial++) {
            double[] query = insideUpTo(corpus, 6 + 4 * trial, random);
            ExtrapolationDepthResult full = depth.measure(query, Deadline.NONE);
            ExtrapolationDepthResult rushed = depth.measure(query, Deadline.after(Duration.ofMillis(3)));
            assertMonotone(rushed.curve());
            assertTrue(rushed.depth() <= full.depth());
            for (int i = 0; i < full.curve().size(); i++) {
                HullVerdict verdict = rushed.curve().get(i).verdict();
                assertTrue(verdict == HullVerdict.UNDETERMINED || verdict == full.curve().get(i).verdict(),
                        rushed::toString);
            }
            boolean anyUndetermined = rushed.curve().stream().anyMatch(p -> p.verdict() == HullVerdict.UNDETERMINED);
            assertEquals(!rushed.complete(), anyUndetermined);
        }
    }

    /**
     * A dimension its share of the budget leaves undecided is tried again with the time the cheaper decisions left.
     * The query's depth is 6 and d = 6, the bisection's first pick after d = 1, answers only after 2 s of a 5 s
     * budget: its share (a third of the time left) runs out first, and only a second try completes the curve.
     */
    @Test
    void aDimensionUndecidedInItsShareGetsTheTimeLeft() {
        Random random = new Random(46);
        FloatMatrix corpus = projectedCorpus(400, 16, random);
        double[] query = insideUpTo(corpus, 6, random);
        long releaseAt = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        ComponentOracle slowAtSix = new ForwardingOracle(corpus) {
            @Override
            public ComponentOracle leadingComponents(int d) {
                return d == 6 ? slowUntil(corpus.leadingColumns(6), releaseAt) : exact.leadingComponents(d);
            }

            @Override
            public Maximisers maximise(double[] direction, int count, FetchedRows held) {
                return exact.maximise(direction, count, held);
            }
        };
        ExtrapolationDepthResult result = new ExtrapolationDepth(slowAtSix)
                .measure(query, Deadline.after(Duration.ofSeconds(5)));
        assertTrue(result.complete(), result::toString);
        assertEquals(6, result.depth(), result::toString);
    }

    /** Rows that answer no maximisation before {@code releaseAtNanos}. */
    private static ComponentOracle slowUntil(FloatMatrix rows, long releaseAtNanos) {
        return new ForwardingOracle(rows) {
            @Override
            public Maximisers maximise(double[] direction, int count, FetchedRows held) {
                long wait = releaseAtNanos - System.nanoTime();
                if (wait > 0) {
                    try {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return exact.maximise(direction, count, held);
            }
        };
    }

    @Test
    void triesOnlyDimensionsUpToTheProjection() {
        FloatMatrix corpus = projectedCorpus(100, 10, new Random(45));
        ExtrapolationDepthResult result = new ExtrapolationDepth(corpus).measure(new double[10], Deadline.NONE);
        assertEquals(List.of(1, 2, 3, 4, 6, 8), result.curve().stream().map(DepthVerdict::dimension).toList());
    }

    /** Inside, then undetermined, then outside: the shape projection forces (inside in d implies inside below d). */
    private static void assertMonotone(List<DepthVerdict> curve) {
        int stage = 0;
        for (DepthVerdict point : curve) {
            int rank = switch (point.verdict()) {
                case INSIDE -> 0;
                case UNDETERMINED -> 1;
                case OUTSIDE -> 2;
            };
            assertTrue(rank >= stage, "not monotone: " + curve);
            stage = rank;
        }
    }

    /** Proved verdicts cite themselves; inferred ones cite a proof of the same verdict on the implying side. */
    private static void assertEvidenceIsConsistent(List<DepthVerdict> curve) {
        for (DepthVerdict point : curve) {
            switch (point.basis()) {
                case PROVED -> assertEquals(point.dimension(), point.evidenceDimension());
                case INFERRED -> {
                    DepthVerdict source = curve.stream().filter(p -> p.dimension() == point.evidenceDimension())
                            .findFirst().orElseThrow();
                    assertEquals(DepthVerdict.Basis.PROVED, source.basis());
                    assertEquals(point.verdict(), source.verdict());
                    assertEquals(point.method(), source.method());
                    assertTrue(point.verdict() == HullVerdict.INSIDE ? source.dimension() > point.dimension()
                            : source.dimension() < point.dimension(), point::toString);
                }
                case UNDECIDED, NOT_TRIED -> assertEquals(HullVerdict.UNDETERMINED, point.verdict());
            }
        }
    }
}
