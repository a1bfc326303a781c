package io.noveltylens.core.density;

import java.util.function.IntToDoubleFunction;

/**
 * The first {@code k} distances of a {@link NeighbourList}, each read as at least {@link #DISTANCE_RESOLUTION}, with
 * the per-point statistics that LOF and LoOP are built from. Corpus passages (at build time) and queries (at score
 * time) go through this one class, so both sides of every comparison are computed identically.
 */
final class Neighbourhood {

    /**
     * The smallest distance the embeddings can tell apart from 0. Cosines of float32 unit vectors are only known to
     * about one ulp of 1, and d = sqrt(2 - 2 cos) turns that into sqrt(2 ulp(1f)) = 4.9e-4; anything closer is rounding
     * noise. Reading every distance as at least this keeps lrd finite when a passage has k or more duplicates (Breunig
     * et al. 2000, sec. 4, note that duplicates make lrd infinite): they get the largest density the data can express,
     * and LOF/LoOP stay finite and ordered instead of NaN.
     */
    static final double DISTANCE_RESOLUTION = Math.sqrt(2 * Math.ulp(1f));

    private final int[] ids;
    private final double[] distances;

    Neighbourhood(NeighbourList list, int k) {
        if (list.size() < k) {
            throw new IllegalArgumentException("Need " + k + " neighbours, got " + list.size());
        }
        ids = new int[k];
        distances = new double[k];
        for (int j = 0; j < k; j++) {
            ids[j] = list.id(j);
            distances[j] = Math.max(DISTANCE_RESOLUTION, list.distance(j));
        }
    }

    int id(int rank) {
        return ids[rank];
    }

    /** k-distance (Breunig et al. 2000, Def. 3): the distance to the k-th nearest neighbour. */
    double kDistance() {
        return distances[distances.length - 1];
    }

    double meanDistance() {
        double sum = 0;
        for (double d : distances) {
            sum += d;
        }
        return sum / distances.length;
    }

    /** pdist(lambda, p, S) = lambda * sqrt(mean_{s in S} d(p, s)^2) (Kriegel et al. 2009, Def. 2). */
    double probabilisticDistance(double lambda) {
        double sum = 0;
        for (double d : distances) {
            sum += d * d;
        }
        return lambda * Math.sqrt(sum / distances.length);
    }

    /**
     * mean_o reach-dist_k(p, o) with reach-dist_k(p, o) = max(k-distance(o), d(p, o)) (Breunig et al. 2000, Def. 5);
     * lrd(p) is its reciprocal (Def. 6). {@code kDistanceOfRank} gives the k-distance of the neighbour at a rank.
     */
    double meanReachDistance(IntToDoubleFunction kDistanceOfRank) {
        double sum = 0;
        for (int j = 0; j < ids.length; j++) {
            sum += Math.max(kDistanceOfRank.applyAsDouble(j), distances[j]);
        }
        return sum / ids.length;
    }

    /** The mean of a per-passage value over the neighbours, {@code valueOfRank} giving the neighbour's at a rank. */
    double meanOverRanks(IntToDoubleFunction valueOfRank) {
        double sum = 0;
        for (int j = 0; j < ids.length; j++) {
            sum += valueOfRank.applyAsDouble(j);
        }
        return sum / ids.length;
    }
}
