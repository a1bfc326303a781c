package io.noveltylens.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import io.noveltylens.test.support.RankStatistics;

/** {@link Quartiles} are Hyndman and Fan's type 7, as R's {@code quantile} and NumPy's {@code percentile}. */
class QuartilesTest {

    /** R: {@code quantile(1:10)} is 1.00 3.25 5.50 7.75 10.00. */
    @Test
    void matchesRsDefaultQuantilesOfOneToTen() {
        Quartiles q = Quartiles.of(new double[] { 10, 9, 8, 7, 6, 5, 4, 3, 2, 1 });

        assertEquals(new Quartiles(10, 1, 3.25, 5.5, 7.75, 10), q);
    }

    @Test
    void matchesTheType7DefinitionOnRandomSamples() {
        SplittableRandom random = new SplittableRandom(5);
        for (int trial = 0; trial < 100; trial++) {
            double[] values = new double[1 + random.nextInt(60)];
            Arrays.setAll(values, i -> Math.floor(random.nextDouble() * 100));

            Quartiles q = Quartiles.of(values);

            assertEquals(RankStatistics.quantileType7(values, 0.25), q.lowerQuartile(), 1e-9);
            assertEquals(RankStatistics.quantileType7(values, 0.5), q.median(), 1e-9);
            assertEquals(RankStatistics.quantileType7(values, 0.75), q.upperQuartile(), 1e-9);
            assertEquals(Arrays.stream(values).min().orElseThrow(), q.min());
            assertEquals(Arrays.stream(values).max().orElseThrow(), q.max());
            assertEquals(q.median(), Quartiles.median(values), 1e-12);
        }
    }
}
