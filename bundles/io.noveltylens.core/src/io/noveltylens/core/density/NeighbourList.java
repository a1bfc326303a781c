package io.noveltylens.core.density;

import java.util.Arrays;

/**
 * The nearest corpus passages of one point, nearest first: passage ids and Euclidean distances between the
 * L2-normalised embeddings (d = sqrt(max(0, 2 - 2 cos))). For a corpus passage the list is leave-one-out: it never
 * contains the passage itself. The arrays are copied in and out, so a list never changes.
 */
public record NeighbourList(int[] ids, float[] distances) {

    public NeighbourList {
        if (ids.length != distances.length) {
            throw new IllegalArgumentException(ids.length + " ids but " + distances.length + " distances");
        }
        for (int j = 0; j < distances.length; j++) {
            if (!(distances[j] >= 0) || j > 0 && distances[j] < distances[j - 1]) {
                throw new IllegalArgumentException("Distances must be non-negative and ascending: "
                        + Arrays.toString(distances));
            }
        }
        ids = ids.clone();
        distances = distances.clone();
    }

    @Override
    public int[] ids() {
        return ids.clone();
    }

    @Override
    public float[] distances() {
        return distances.clone();
    }

    public int size() {
        return ids.length;
    }

    public int id(int rank) {
        return ids[rank];
    }

    public float distance(int rank) {
        return distances[rank];
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NeighbourList that && Arrays.equals(ids, that.ids)
                && Arrays.equals(distances, that.distances);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(ids) + Arrays.hashCode(distances);
    }

    @Override
    public String toString() {
        return "NeighbourList[ids=" + Arrays.toString(ids) + ", distances=" + Arrays.toString(distances) + "]";
    }
}
