package io.noveltylens.core.density;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;

import io.noveltylens.core.Progress;

/** Points in a small Euclidean space with brute-force nearest neighbours: the test's stand-in for the HNSW search. */
final class PointCloud {

    final double[][] points;

    PointCloud(double[][] points) {
        this.points = points;
    }

    static PointCloud onLine(double... xs) {
        return new PointCloud(Arrays.stream(xs).mapToObj(x -> new double[] { x }).toArray(double[][]::new));
    }

    static PointCloud uniformSquare(int n, Random random) {
        return new PointCloud(IntStream.range(0, n)
                .mapToObj(i -> new double[] { random.nextDouble(), random.nextDouble() }).toArray(double[][]::new));
    }

    int size() {
        return points.length;
    }

    static double distance(double[] a, double[] b) {
        double sum = 0;
        for (int j = 0; j < a.length; j++) {
            sum += (a[j] - b[j]) * (a[j] - b[j]);
        }
        return Math.sqrt(sum);
    }

    /** All corpus points except {@code excluded} (-1 for none), nearest first, ties by id. */
    Integer[] byDistance(double[] from, int excluded) {
        return IntStream.range(0, size()).filter(i -> i != excluded).boxed()
                .sorted(Comparator.<Integer>comparingDouble(i -> distance(from, points[i])).thenComparing(i -> i))
                .toArray(Integer[]::new);
    }

    NeighbourList neighbours(double[] from, int excluded, int k) {
        Integer[] order = byDistance(from, excluded);
        int size = Math.min(k, order.length);
        int[] ids = new int[size];
        float[] distances = new float[size];
        for (int j = 0; j < size; j++) {
            ids[j] = order[j];
            distances[j] = (float) distance(from, points[order[j]]);
        }
        return new NeighbourList(ids, distances);
    }

    NeighbourList leaveOneOut(int passage, int k) {
        return neighbours(points[passage], passage, k);
    }

    DensityModel model(int k) {
        return DensityModel.build(size(), k, i -> leaveOneOut(i, k), Progress.NONE);
    }
}
