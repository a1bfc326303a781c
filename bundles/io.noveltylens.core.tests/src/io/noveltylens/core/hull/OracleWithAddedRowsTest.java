package io.noveltylens.core.hull;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.noveltylens.core.math.FloatMatrix;

/**
 * Adding rows through the oracle must give what the solvers give on a corpus that has them: the oracle is the corpus
 * with the rows physically appended, numbered after its own, as a single sentence's nearby sentences are.
 */
class OracleWithAddedRowsTest {

    private static final int ROWS = 2000;
    private static final int DIMENSION = 24;

    @Test
    void theLargestInnerProductsAreThoseOfTheAppendedCorpus() {
        Random random = new Random(21);
        FloatMatrix corpus = Corpora.clusteredUnitVectors(ROWS, DIMENSION, 30, random);
        FloatMatrix added = Corpora.clusteredUnitVectors(40, DIMENSION, 3, random);
        FloatMatrix appended = appended(corpus, added);
        OracleWithAddedRows oracle = new OracleWithAddedRows(new ExactLinearOracle(corpus), added);
        assertEquals(ROWS + 40, oracle.rows());
        for (int trial = 0; trial < 20; trial++) {
            double[] direction = Corpora.convexCombination(added, 3, random);
            FetchedRows held = new FetchedRows();
            // two of the best rows held: the answer must skip them, whichever part they are in
            int[] best = bruteForceLargest(appended, direction, 2, row -> true);
            held.addFrom(oracle, best);
            Maximisers found = oracle.maximise(direction, 8, held);
            int[] expected = bruteForceLargest(appended, direction, 8, row -> !held.contains(row));
            int[] rows = found.rows().clone();
            Arrays.sort(rows);
            Arrays.sort(expected);
            assertArrayEquals(expected, rows, "trial " + trial);
            for (int i = 0; i < found.rows().length; i++) {
                assertArrayEquals(appended.row(found.rows()[i]), found.vectors()[i]);
                assertEquals(appended.dotRow(found.rows()[i], direction), found.values()[i], 1e-9);
            }
            assertTrue(found.certified());
        }
        assertArrayEquals(added.row(7), oracle.vectors(new int[] { 3, ROWS + 7 })[1]);
        assertArrayEquals(corpus.row(3), oracle.vectors(new int[] { 3, ROWS + 7 })[0]);
    }

    @Test
    void hullDistanceWithRowsAddedEqualsTheDistanceToTheHullOfTheAppendedCorpus() {
        Random random = new Random(22);
        FloatMatrix corpus = Corpora.clusteredUnitVectors(ROWS, DIMENSION, 30, random);
        ExactLinearOracle whole = new ExactLinearOracle(corpus);
        for (int trial = 0; trial < 10; trial++) {
            // rows near a point outside the corpus's hull: the sentences nearest to a query, which decide its distance
            double[] query = Corpora.beyondSupportingHyperplane(corpus, 0.3, random);
            FloatMatrix added = near(query, 6, 0.2, random);
            HullDistance appended = new HullDistance(appended(corpus, added), HullTolerance.relativeTo(whole));
            HullDistance withAdded = new HullDistance(new OracleWithAddedRows(whole, added));
            HullDistanceResult expected = appended.distance(query, appended.nearestRow(query), Deadline.NONE, 100_000);
            HullDistanceResult actual = withAdded.distance(query, 0, Deadline.NONE, 100_000);
            HullDistanceResult corpusOnly = new HullDistance(whole).distance(query, 0, Deadline.NONE, 100_000);
            assertTrue(expected.converged() && actual.converged() && corpusOnly.converged());
            // both brackets are certified, so each contains the true distance: they overlap
            assertTrue(actual.lowerBound() <= expected.upperBound() * (1 + 1e-9)
                    && expected.lowerBound() <= actual.upperBound() * (1 + 1e-9), expected + " vs " + actual);
            assertTrue(actual.upperBound() < corpusOnly.lowerBound(), "the added rows bring the hull closer");
            assertTrue(actual.vertices().stream().anyMatch(v -> v.index() >= ROWS), "an added row is a vertex");
        }
    }

    /** {@code count} unit vectors at about {@code spread} from {@code point}'s direction. */
    private static FloatMatrix near(double[] point, int count, double spread, Random random) {
        float[][] rows = new float[count][point.length];
        for (float[] row : rows) {
            double norm = 0;
            double[] v = new double[point.length];
            for (int j = 0; j < v.length; j++) {
                v[j] = point[j] + spread * random.nextGaussian() / Math.sqrt(v.length);
                norm += v[j] * v[j];
            }
            for (int j = 0; j < v.length; j++) {
                row[j] = (float) (v[j] / Math.sqrt(norm));
            }
        }
        return FloatMatrix.of(rows);
    }

    private static FloatMatrix appended(FloatMatrix corpus, FloatMatrix added) {
        float[][] rows = new float[corpus.rows() + added.rows()][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = i < corpus.rows() ? corpus.row(i) : added.row(i - corpus.rows());
        }
        return FloatMatrix.of(rows);
    }

    private static int[] bruteForceLargest(FloatMatrix rows, double[] direction, int count,
            java.util.function.IntPredicate eligible) {
        return IntStream.range(0, rows.rows()).filter(eligible).boxed()
                .sorted((a, b) -> Double.compare(rows.dotRow(b, direction), rows.dotRow(a, direction))).limit(count)
                .mapToInt(Integer::intValue).toArray();
    }
}
