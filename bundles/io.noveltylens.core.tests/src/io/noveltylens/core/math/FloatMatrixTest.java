package io.noveltylens.core.math;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;

import org.junit.jupiter.api.Test;

class FloatMatrixTest {

    private static final FloatMatrix SMALL = FloatMatrix
            .of(new float[][] { { 1, 2, 3, 4, 5 }, { -1, 0, 2, 0, 1 }, { 0, 0, 0, 0, 7 } });

    @Test
    void storesRowsInOrder() {
        assertEquals(3, SMALL.rows());
        assertEquals(5, SMALL.cols());
        assertEquals(2, SMALL.get(1, 2));
        assertArrayEquals(new float[] { 0, 0, 0, 0, 7 }, SMALL.row(2));
    }

    @Test
    void rejectsDataOfTheWrongLength() {
        assertThrows(IllegalArgumentException.class, () -> new FloatMatrix(2, 3, new float[5]));
        assertThrows(IllegalArgumentException.class, () -> FloatMatrix.of(new float[][] { { 1, 2 }, { 3 } }));
    }

    /** The unrolled dot product must equal the plain sum for every length, remainders included. */
    @Test
    void dotRowMatchesAPlainSumForEveryLength() {
        Random random = new Random(3);
        for (int cols = 1; cols <= 13; cols++) {
            float[] data = new float[2 * cols];
            double[] v = new double[cols];
            for (int j = 0; j < data.length; j++) {
                data[j] = (float) random.nextGaussian();
            }
            for (int j = 0; j < cols; j++) {
                v[j] = random.nextGaussian();
            }
            FloatMatrix matrix = new FloatMatrix(2, cols, data);
            double expected = 0;
            for (int j = 0; j < cols; j++) {
                expected += (double) data[cols + j] * v[j];
            }
            assertEquals(expected, matrix.dotRow(1, v), 1e-12, "length " + cols);
            double[] product = new double[2];
            matrix.multiply(v, product);
            assertEquals(expected, product[1], 1e-12);
        }
    }

    @Test
    void distancesAndSpreadFollowTheirDefinitions() {
        assertEquals(4 + 4 + 1 + 16 + 16, SMALL.squaredRowDistance(0, 1), 1e-12);
        assertEquals(4, SMALL.squaredDistance(2, new double[] { 0, 0, 0, 0, 5 }), 1e-12);
        double[] mean = SMALL.columnMeans();
        assertArrayEquals(new double[] { 0, 2 / 3.0, 5 / 3.0, 4 / 3.0, 13 / 3.0 }, mean, 1e-12);
        double sum = 0;
        for (int i = 0; i < 3; i++) {
            sum += SMALL.squaredDistance(i, mean);
        }
        assertEquals(Math.sqrt(sum / 3), SMALL.spread(), 1e-12);
    }

    @Test
    void nearestRowsAreSortedByDistance() {
        assertArrayEquals(new int[] { 1, 0 }, SMALL.nearestRows(new double[] { 0, 1, 2, 1, 2 }, 2));
        // squared distances 46, 69, 4
        assertArrayEquals(new int[] { 2, 0, 1 }, SMALL.nearestRows(new double[] { 0, 0, 0, 0, 9 }, 10));
    }

    @Test
    void selectsRowsAndLeadingColumns() {
        FloatMatrix selected = SMALL.selectRows(new int[] { 2, 0 });
        assertArrayEquals(SMALL.row(2), selected.row(0));
        assertArrayEquals(SMALL.row(0), selected.row(1));
        FloatMatrix leading = SMALL.leadingColumns(2);
        assertEquals(2, leading.cols());
        assertArrayEquals(new float[] { -1, 0 }, leading.row(1));
    }
}
