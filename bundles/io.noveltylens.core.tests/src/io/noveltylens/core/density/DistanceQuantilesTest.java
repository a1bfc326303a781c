package io.noveltylens.core.density;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The percentile read from a table of quantiles against the oracle of the full distribution: the mid-rank percentile
 * counted by brute force over every value (ties half).
 */
class DistanceQuantilesTest {

    private static final int QUERIES = 2_000;

    private static double bruteForce(double[] values, double x) {
        double below = 0;
        double tied = 0;
        for (double value : values) {
            below += value < x ? 1 : 0;
            tied += value == x ? 1 : 0;
        }
        return 100 * (below + tied / 2) / values.length;
    }

    /** Mean kNN distances of real embeddings are skewed to the right; rounding to 3 decimals makes ties. */
    private static double[] distances(Random random, int n, boolean tied) {
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            double value = 0.6 + 0.1 * Math.exp(0.5 * random.nextGaussian());
            values[i] = tied ? Math.round(value * 1000) / 1000.0 : value;
        }
        return values;
    }

    /** {@value #QUERIES} queries at values, as many between values, and one beyond each end. */
    private static double[] queries(double[] values, Random random) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double[] queries = new double[2 * QUERIES + 2];
        for (int i = 0; i < QUERIES; i++) {
            queries[2 * i] = values[random.nextInt(values.length)];
            queries[2 * i + 1] = sorted[0] + (sorted[sorted.length - 1] - sorted[0]) * random.nextDouble();
        }
        queries[queries.length - 2] = sorted[0] - 0.01;
        queries[queries.length - 1] = sorted[sorted.length - 1] + 0.01;
        return queries;
    }

    @Test
    void aTableOfEveryValueGivesTheExactPercentile() {
        Random random = new Random(5);
        for (boolean tied : new boolean[] { false, true }) {
            double[] values = distances(random, 3_000, tied);
            DistanceQuantiles table = DistanceQuantiles.of(values, values.length);
            for (double x : queries(values, random)) {
                assertEquals(bruteForce(values, x), table.percentile(x), 1e-9, "at " + x);
            }
        }
    }

    /**
     * Between two knots the count below the query lies between theirs, so the error is at most 100 x (values strictly
     * between adjacent knots) / n, under 100 / (knots - 1) points; the table must stay within that and be exact at its
     * knots.
     */
    @Test
    void aSmallerTableStaysWithinItsStatedBound() {
        Random random = new Random(17);
        for (int knots : new int[] { 101, 1_001, 2_049 }) {
            for (boolean tied : new boolean[] { false, true }) {
                double[] values = distances(random, 20_000, tied);
                DistanceQuantiles table = DistanceQuantiles.of(values, knots);
                assertTrue(table.knots() <= knots);
                double bound = 100.0 / (knots - 1);
                double worst = 0;
                double previous = -1;
                double[] sorted = values.clone();
                Arrays.sort(sorted);
                double[] xs = queries(values, random);
                Arrays.sort(xs);
                for (double x : xs) {
                    double percentile = table.percentile(x);
                    worst = Math.max(worst, Math.abs(percentile - bruteForce(values, x)));
                    assertTrue(percentile >= previous, "the percentile never falls as the distance grows");
                    previous = percentile;
                }
                System.out.printf("%,d knots, %s: worst gap %.4f points (bound %.4f)%n", knots,
                        tied ? "tied values" : "distinct values", worst, bound);
                assertTrue(worst <= bound, knots + " knots: worst gap " + worst + " over the bound " + bound);
                assertEquals(bruteForce(values, sorted[sorted.length / 2]), table.percentile(sorted[sorted.length / 2]),
                        worst == 0 ? 0 : bound);
                assertEquals(0, table.percentile(sorted[0] - 1));
                assertEquals(100, table.percentile(sorted[sorted.length - 1] + 1));
            }
        }
    }

    @Test
    void aWrittenTableReadsBackEqualAndADamagedOneIsRefused() throws IOException {
        Random random = new Random(23);
        double[] values = distances(random, 5_000, true);
        DistanceQuantiles written = DistanceQuantiles.of(values, 257);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            written.write(out);
        }
        DistanceQuantiles read = DistanceQuantiles
                .read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        for (double x : queries(values, random)) {
            assertEquals(written.percentile(x), read.percentile(x));
        }
        byte[] damaged = bytes.toByteArray();
        // the first knot's count of values not above it, made 0: below it
        damaged[8 + 8 + 4 + 3] = 0;
        damaged[8 + 8 + 4 + 2] = 0;
        assertNull(DistanceQuantiles.read(new DataInputStream(new ByteArrayInputStream(damaged))));
    }
}
