package io.noveltylens.core.math;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.noveltylens.core.Progress;

/** The streaming PCA against {@link Pca#fit} of all the rows at once, which centres on the exact mean first. */
class PcaAccumulatorTest {

    private static final int DIM = 16;

    /**
     * Correlated rows far from the origin (every coordinate near 50, spread near 1): summing raw outer products would
     * lose about 7 of the 16 digits to the mean, the merge of centred batches loses none. Batches of uneven sizes,
     * single rows and an empty one included.
     */
    @Test
    void batchesOfAnySizeGiveThePcaOfAllTheRows() {
        Random random = new Random(7);
        int[] sizes = { 1, 3, 0, 500, 1, 77, 1024, 2, 390 };
        int total = Arrays.stream(sizes).sum();
        float[] all = new float[total * DIM];
        double[][] mixing = new double[DIM][DIM];
        for (double[] row : mixing) {
            for (int j = 0; j < DIM; j++) {
                row[j] = random.nextGaussian() / (1 + j);
            }
        }
        for (int i = 0; i < total; i++) {
            double[] z = new double[DIM];
            for (int j = 0; j < DIM; j++) {
                z[j] = random.nextGaussian();
            }
            for (int j = 0; j < DIM; j++) {
                double value = 50;
                for (int l = 0; l < DIM; l++) {
                    value += mixing[j][l] * z[l];
                }
                all[i * DIM + j] = (float) value;
            }
        }
        PcaAccumulator accumulator = new PcaAccumulator(DIM);
        int first = 0;
        for (int size : sizes) {
            accumulator.add(new FloatMatrix(size, DIM, Arrays.copyOfRange(all, first * DIM, (first + size) * DIM)));
            first += size;
        }
        assertEquals(total, accumulator.rows());

        int components = 10;
        Pca streamed = accumulator.fit(components);
        Pca whole = Pca.fit(new FloatMatrix(total, DIM, all), components, Progress.NONE);
        assertArrayEquals(whole.mean(), streamed.mean(), 1e-9);
        assertEquals(whole.totalVariance(), streamed.totalVariance(), 1e-9 * whole.totalVariance());
        assertArrayEquals(whole.explainedVariance(), streamed.explainedVariance(), 1e-9 * whole.totalVariance());
        for (int c = 0; c < components; c++) {
            // both orient each component by its largest entry, so equal components have equal signs
            assertArrayEquals(whole.components()[c], streamed.components()[c], 1e-6, "component " + c);
        }
    }

    /** Fitting leaves the accumulator as it was, so that a caller can keep adding rows. */
    @Test
    void fittingDoesNotConsumeTheAccumulator() {
        PcaAccumulator accumulator = new PcaAccumulator(2);
        accumulator.add(new FloatMatrix(3, 2, new float[] { 0, 0, 2, 1, 4, 2 }));
        Pca before = accumulator.fit(1);
        Pca again = accumulator.fit(1);
        assertArrayEquals(before.explainedVariance(), again.explainedVariance(), 0);
        assertEquals(5.0, before.totalVariance(), 1e-12); // variances 4 and 1 along x and y
    }

    @Test
    void refusesFewerThanTwoRowsAndRowsOfAnotherLength() {
        PcaAccumulator accumulator = new PcaAccumulator(2);
        accumulator.add(new FloatMatrix(1, 2, new float[] { 1, 2 }));
        assertThrows(IllegalArgumentException.class, () -> accumulator.fit(1));
        assertThrows(IllegalArgumentException.class, () -> accumulator.add(new FloatMatrix(1, 3, new float[3])));
    }
}
