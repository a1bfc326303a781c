package io.noveltylens.core.density;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * LOF (Breunig et al. 2000) and LoOP (Kriegel et al. 2009) computed by brute force straight from the published
 * definitions, over all pairwise distances and without any of the production classes: the oracle of the density
 * tests. The k-distance neighbourhood includes ties, as in Breunig's Def. 4.
 */
final class PublishedDefinitions {

    private final PointCloud cloud;
    private final int k;
    private final double lambda;

    PublishedDefinitions(PointCloud cloud, int k, double lambda) {
        this.cloud = cloud;
        this.k = k;
        this.lambda = lambda;
    }

    /** Distances from {@code p} to every corpus point but {@code self} (-1 for a query). */
    private double[] distancesFrom(double[] p, int self) {
        double[] d = new double[cloud.size()];
        for (int o = 0; o < cloud.size(); o++) {
            d[o] = o == self ? Double.NaN : PointCloud.distance(p, cloud.points[o]);
        }
        return d;
    }

    /** Def. 3: the distance to the k-th nearest other point. */
    private double kDistance(double[] p, int self) {
        double[] d = Arrays.stream(distancesFrom(p, self)).filter(x -> !Double.isNaN(x)).sorted().toArray();
        return d[k - 1];
    }

    /** Def. 4: every other point within the k-distance. */
    private int[] neighbourhood(double[] p, int self) {
        double kd = kDistance(p, self);
        double[] d = distancesFrom(p, self);
        return IntStream.range(0, d.length).filter(o -> d[o] <= kd).toArray();
    }

    /** Def. 6: lrd(p) = 1 / (sum_o reach-dist_k(p, o) / |N_k(p)|), reach-dist_k(p, o) = max(k-distance(o), d(p, o)). */
    double lrd(double[] p, int self) {
        int[] n = neighbourhood(p, self);
        double sum = 0;
        for (int o : n) {
            sum += Math.max(kDistance(cloud.points[o], o), PointCloud.distance(p, cloud.points[o]));
        }
        return n.length / sum;
    }

    /** Def. 7: LOF(p) = mean_o lrd(o) / lrd(p). */
    double lof(double[] p, int self) {
        int[] n = neighbourhood(p, self);
        double sum = 0;
        for (int o : n) {
            sum += lrd(cloud.points[o], o);
        }
        return sum / n.length / lrd(p, self);
    }

    /** Kriegel Def. 2: pdist = lambda * sqrt(sum_{s in S} d(p, s)^2 / |S|), S = the kNN. */
    double pdist(double[] p, int self) {
        double sum = 0;
        int[] n = neighbourhood(p, self);
        for (int o : n) {
            double d = PointCloud.distance(p, cloud.points[o]);
            sum += d * d;
        }
        return lambda * Math.sqrt(sum / n.length);
    }

    /** Def. 3: PLOF = pdist(p) / mean_{s in S} pdist(s) - 1. */
    double plof(double[] p, int self) {
        double sum = 0;
        int[] n = neighbourhood(p, self);
        for (int o : n) {
            sum += pdist(cloud.points[o], o);
        }
        return pdist(p, self) / (sum / n.length) - 1;
    }

    /** Def. 4: nPLOF = lambda * sqrt(E[PLOF^2]) over the corpus. */
    double nPlof() {
        double sum = 0;
        for (int o = 0; o < cloud.size(); o++) {
            double plof = plof(cloud.points[o], o);
            sum += plof * plof;
        }
        return lambda * Math.sqrt(sum / cloud.size());
    }

    /** Def. 5: LoOP = max(0, erf(PLOF / (nPLOF sqrt 2))). */
    double loop(double[] p, int self) {
        return Math.max(0, erf(plof(p, self) / (nPlof() * Math.sqrt(2))));
    }

    /** erf(x) = 2/sqrt(pi) * integral_0^x exp(-t^2) dt, by Simpson's rule on 20,000 intervals (error ~1e-15). */
    static double erf(double x) {
        int intervals = 20_000;
        double h = x / intervals;
        double sum = 1 + Math.exp(-x * x);
        for (int i = 1; i < intervals; i++) {
            double t = i * h;
            sum += (i % 2 == 1 ? 4 : 2) * Math.exp(-t * t);
        }
        return 2 / Math.sqrt(Math.PI) * sum * h / 3;
    }
}
