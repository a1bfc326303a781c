package io.noveltylens.core.hull;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.noveltylens.core.math.FloatMatrix;

/**
 * Leaving rows out through the oracle must give what the solvers give on a corpus that never had them: the oracle is
 * the corpus with the rows physically removed, and must agree with it on every readout the calibration takes.
 */
class OracleWithoutRowsTest {

    @Test
    void hullDistanceWithRowsLeftOutEqualsTheDistanceToTheHullOfTheOtherRows() {
        Random random = new Random(11);
        FloatMatrix corpus = Corpora.clusteredUnitVectors(3000, 24, 40, random);
        ExactLinearOracle whole = new ExactLinearOracle(corpus);
        for (int trial = 0; trial < 10; trial++) {
            int query = random.nextInt(corpus.rows());
            double[] point = toDouble(corpus.row(query));
            // the query's own row and its nearest rows: the ones that decide its distance
            int[] leftOut = corpus.nearestRows(point, 1 + random.nextInt(8));
            int[] kept = rowsExcept(corpus.rows(), leftOut);
            HullDistance reduced = new HullDistance(corpus.selectRows(kept), HullTolerance.relativeTo(whole));
            HullDistance without = new HullDistance(new OracleWithoutRows(whole, leftOut));
            int nearest = without.nearestRow(point);
            assertFalse(Arrays.stream(leftOut).anyMatch(row -> row == nearest), "a left-out row as the nearest");
            HullDistanceResult expected = reduced.distance(point, reduced.nearestRow(point), Deadline.NONE, 100_000);
            // rows keep the corpus's numbers: start from the last row kept, far from the answer, numbered past N - left
            HullDistanceResult actual = without.distance(point, kept[kept.length - 1], Deadline.NONE, 100_000);
            assertTrue(actual.iterations() > 0, "a start far from the answer takes steps");
            assertTrue(expected.converged() && actual.converged());
            assertTrue(expected.lowerBound() > 0, "its own row left out, a row of the hull is outside the rest");
            // both brackets are certified, so each contains the true distance: they overlap
            assertTrue(actual.lowerBound() <= expected.upperBound() * (1 + 1e-9)
                    && expected.lowerBound() <= actual.upperBound() * (1 + 1e-9), expected + " vs " + actual);
            for (HullVertex vertex : actual.vertices()) {
                assertFalse(Arrays.stream(leftOut).anyMatch(row -> row == vertex.index()), "vertex " + vertex.index());
            }
        }
    }

    @Test
    void depthWithRowsLeftOutEqualsTheDepthOverTheOtherRows() {
        Random random = new Random(12);
        FloatMatrix corpus = Corpora.clusteredUnitVectors(1500, 12, 20, random);
        ExactLinearOracle whole = new ExactLinearOracle(corpus);
        for (int trial = 0; trial < 6; trial++) {
            int query = random.nextInt(corpus.rows());
            double[] point = toDouble(corpus.row(query));
            int[] leftOut = corpus.nearestRows(point, 5);
            int[] kept = rowsExcept(corpus.rows(), leftOut);
            ExtrapolationDepthResult expected = new ExtrapolationDepth(
                    new ExactLinearOracle(corpus.selectRows(kept)), HullTolerance.relativeTo(whole))
                    .measure(point, Deadline.NONE);
            ExtrapolationDepthResult actual = new ExtrapolationDepth(OracleWithoutRows.components(whole, leftOut))
                    .measure(point, Deadline.NONE);
            assertTrue(expected.complete() && actual.complete());
            assertEquals(expected.depth(), actual.depth(), "trial " + trial);
        }
    }

    /** The rows 0 to {@code rows - 1} but {@code leftOut}: the corpus that never had them. */
    private static int[] rowsExcept(int rows, int[] leftOut) {
        return IntStream.range(0, rows).filter(row -> Arrays.stream(leftOut).noneMatch(l -> l == row)).toArray();
    }

    private static double[] toDouble(float[] values) {
        double[] result = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = values[i];
        }
        return result;
    }
}
