package io.noveltylens.test.support;

import java.util.Arrays;

/**
 * Textbook computations of the statistics a comparison reports, written from their definitions and sharing no code
 * with core's: the oracles of its statistics tests.
 */
public final class RankStatistics {

    private RankStatistics() {
    }

    /**
     * The AUROC over all n x m pairs: the share of pairs (a from first, b from second) with b > a, ties counted
     * half.
     */
    public static double bruteForceAuroc(double[] first, double[] second) {
        double wins = 0;
        for (double a : first) {
            for (double b : second) {
                wins += b > a ? 1 : b == a ? 0.5 : 0;
            }
        }
        return wins / ((double) first.length * second.length);
    }

    /**
     * Hyndman and Fan's type 7 quantile (1996, definition 7): with x sorted and h = (n - 1) p,
     * x[floor h] + (h - floor h) (x[floor h + 1] - x[floor h]), 0-based.
     */
    public static double quantileType7(double[] values, double p) {
        double[] x = values.clone();
        Arrays.sort(x);
        double h = (x.length - 1) * p;
        int low = (int) Math.floor(h);
        int high = Math.min(low + 1, x.length - 1);
        return x[low] + (h - low) * (x[high] - x[low]);
    }

    /** P(Z > z) for a standard normal Z, by Simpson's rule on the density from |z| to |z| + 40. */
    public static double normalUpperTail(double z) {
        double from = Math.abs(z);
        int steps = 200_000;
        double width = 40.0 / steps;
        double sum = density(from) + density(from + 40);
        for (int i = 1; i < steps; i++) {
            sum += (i % 2 == 1 ? 4 : 2) * density(from + i * width);
        }
        double tail = sum * width / 3;
        return z >= 0 ? tail : 1 - tail;
    }

    private static double density(double x) {
        return Math.exp(-x * x / 2) / Math.sqrt(2 * Math.PI);
    }
}
