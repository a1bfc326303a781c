package io.noveltylens.core.math;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
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

    /**
     * A matrix over memory outside the heap (as a mapped index file is) must compute exactly what the same floats in
     * an array do: the hull's readouts must not depend on where the corpus lives.
     */
    @Test
    void aMatrixOutsideTheHeapComputesTheSameBitsAsOneInAnArray() {
        Random random = new Random(5);
        int rows = 7;
        int cols = 11;
        float[] data = new float[rows * cols];
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) random.nextGaussian();
        }
        double[] v = random.doubles(cols).toArray();
        FloatMatrix onHeap = new FloatMatrix(rows, cols, data);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment segment = arena.allocate((long) data.length * Float.BYTES);
            MemorySegment.copy(data, 0, segment, ValueLayout.JAVA_FLOAT, 0, data.length);
            FloatMatrix outside = FloatMatrix.over(segment, rows, cols);
            assertTrue(onHeap.onHeap());
            assertFalse(outside.onHeap());
            for (int i = 0; i < rows; i++) {
                assertArrayEquals(onHeap.row(i), outside.row(i));
                assertEquals(onHeap.dotRow(i, v), outside.dotRow(i, v), 0.0);
                assertEquals(onHeap.squaredDistance(i, v), outside.squaredDistance(i, v), 0.0);
                assertEquals(onHeap.squaredRowDistance(i, 0), outside.squaredRowDistance(i, 0), 0.0);
            }
            assertEquals(onHeap.spread(), outside.spread(), 0.0);
            assertArrayEquals(onHeap.nearestRows(v, 3), outside.nearestRows(v, 3));
            assertArrayEquals(onHeap.leadingColumns(4).row(2), outside.leadingColumns(4).row(2));
            assertArrayEquals(onHeap.selectRows(new int[] { 5, 1 }).row(1), outside.selectRows(new int[] { 5, 1 })
                    .row(1));
            assertThrows(IllegalArgumentException.class, () -> FloatMatrix.over(segment, rows, cols + 1));
        }
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
