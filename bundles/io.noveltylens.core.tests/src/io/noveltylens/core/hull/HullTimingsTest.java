package io.noveltylens.core.hull;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.noveltylens.core.Progress;
import io.noveltylens.core.math.FloatMatrix;
import io.noveltylens.core.math.Pca;

/**
 * Measured figures at corpus scale, printed for docs/ and never asserted (the machine is shared). The verdicts are
 * asserted where an oracle exists: a held-out unit vector is outside the hull of other unit vectors.
 */
class HullTimingsTest {

    private static final int QUERIES = 3;

    @Test
    void frankWolfeProvesHeldOutEmbeddingsOutsideAtCorpusScale() {
        int rows = 65_000;
        FloatMatrix all = Corpora.clusteredUnitVectors(rows + QUERIES, 384, 300, new Random(51));
        FloatMatrix corpus = all.selectRows(IntStream.range(0, rows).toArray());
        HullDistance hull = new HullDistance(corpus);
        for (int q = 0; q < QUERIES; q++) {
            double[] query = HullDistanceTest.toDouble(all.row(rows + q));
            long t0 = System.nanoTime();
            int nearest = hull.nearestRow(query);
            long t1 = System.nanoTime();
            HullDistanceResult verdict = hull.verdict(query, nearest, Deadline.NONE, 1000);
            long t2 = System.nanoTime();
            HullDistanceResult distance = hull.distance(query, nearest, Deadline.NONE, 1000);
            long t3 = System.nanoTime();
            assertEquals(HullVerdict.OUTSIDE, verdict.verdict(), verdict::toString);
            System.out.printf("FW N=%d D=384: nearest %.0f ms; verdict %s in %d it, %.0f ms (lower %.4f); "
                    + "distance in [%.4f, %.4f] in %d it, %.0f ms, %d vertices%n", rows, ms(t1 - t0), verdict.verdict(),
                    verdict.iterations(), ms(t2 - t1), verdict.lowerBound(), distance.lowerBound(),
                    distance.upperBound(),
                    distance.iterations(), ms(t3 - t2), distance.vertices().size());
        }
    }

    @Test
    void lpAndDepthOnTheLeadingComponentsOfTenThousandEmbeddings() {
        int rows = 10_000;
        FloatMatrix all = Corpora.clusteredUnitVectors(rows + QUERIES, 384, 300, new Random(52));
        FloatMatrix corpus = all.selectRows(IntStream.range(0, rows).toArray());
        long t0 = System.nanoTime();
        Pca pca = Pca.fit(corpus, 64, Progress.NONE);
        long t1 = System.nanoTime();
        FloatMatrix projected = pca.projectAll(corpus, 64);
        long t2 = System.nanoTime();
        System.out.printf("PCA N=%d D=384: fit %.0f ms, projectAll(64) %.0f ms%n", rows, ms(t1 - t0), ms(t2 - t1));
        HullTolerance tolerance = HullTolerance.relativeTo(projected);
        ExtrapolationDepth depth = new ExtrapolationDepth(projected, tolerance);
        for (int q = 0; q < QUERIES; q++) {
            double[] query = pca.project(all.row(rows + q), 64);
            for (int d : new int[] { 8, 16 }) {
                LpHullMembership lp = new LpHullMembership(projected.leadingColumns(d), tolerance);
                long s = System.nanoTime();
                HullDistanceResult result = lp.test(Arrays.copyOf(query, d), Deadline.NONE);
                long e = System.nanoTime();
                assertNotEquals(HullVerdict.UNDETERMINED, result.verdict(), result::toString);
                System.out.printf("LP N=%d d=%d: %s in %.0f ms%n", rows, d, result.verdict(), ms(e - s));
            }
            long s = System.nanoTime();
            ExtrapolationDepthResult result = depth.measure(query, Deadline.NONE);
            long e = System.nanoTime();
            System.out.printf("Depth N=%d D_max=64: %d in %.0f ms, curve %s%n", rows, result.depth(), ms(e - s),
                    result.curve().stream()
                            .map(p -> p.dimension() + ":" + p.verdict().name().charAt(0) + "/"
                                    + p.basis().name().charAt(0)
                                    + (p.method() == null ? "" : "/" + p.method()))
                            .toList());
        }
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
