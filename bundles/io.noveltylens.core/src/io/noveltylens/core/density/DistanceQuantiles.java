package io.noveltylens.core.density;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;

/**
 * The corpus-wide distribution of the passages' mean kNN distances that a query's density percentile is read
 * against, kept as knots of its empirical distribution function: values at evenly spaced ranks, each with the exact
 * number of passages below it and not above it. At a knot the percentile is exact; between two knots the count of
 * passages below the query lies between the two knots' counts and is interpolated linearly in the distance. So the
 * error is at most 100 x (passages strictly between the two knots) / n, under 100 / (knots - 1) percentile points,
 * and none when every distinct value is a knot (a corpus with no more passages than knots): then the percentile is
 * {@link DensityModel}'s mid-rank percentile, bit for bit.
 */
public final class DistanceQuantiles {

    private final int n;
    private final double[] values;
    private final int[] below;
    private final int[] notAbove;

    private DistanceQuantiles(int n, double[] values, int[] below, int[] notAbove) {
        this.n = n;
        this.values = values;
        this.below = below;
        this.notAbove = notAbove;
    }

    /**
     * The knots of {@code distances} at {@code knots} evenly spaced ranks, the smallest and the largest value
     * included (every value when there are no more than {@code knots}); equal values make one knot.
     */
    public static DistanceQuantiles of(double[] distances, int knots) {
        if (distances.length == 0 || knots < 2) {
            throw new IllegalArgumentException(
                    "Need at least one distance and 2 knots, got " + distances.length + ", " + knots);
        }
        double[] sorted = distances.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        int count = Math.min(knots, n);
        double[] values = new double[count];
        int[] below = new int[count];
        int[] notAbove = new int[count];
        int used = 0;
        for (int i = 0; i < count; i++) {
            int rank = count == 1 ? 0 : (int) Math.round((double) i * (n - 1) / (count - 1));
            double value = sorted[rank];
            if (used > 0 && values[used - 1] == value) {
                continue;
            }
            values[used] = value;
            below[used] = firstIndex(sorted, value, false);
            notAbove[used] = firstIndex(sorted, value, true);
            used++;
        }
        return new DistanceQuantiles(n, Arrays.copyOf(values, used), Arrays.copyOf(below, used),
                Arrays.copyOf(notAbove, used));
    }

    /**
     * 100 * (passages below + half the passages tied) / n: the mid-rank percentile, so a query that ties the whole
     * corpus scores 50, and one more isolated than every passage 100.
     */
    public double percentile(double meanDistance) {
        int knot = firstIndex(values, meanDistance, true) - 1;
        double under;
        double notOver;
        if (knot < 0) {
            under = below[0];
            notOver = below[0];
        } else if (values[knot] == meanDistance) {
            under = below[knot];
            notOver = notAbove[knot];
        } else if (knot == values.length - 1) {
            under = notAbove[knot];
            notOver = notAbove[knot];
        } else {
            double share = (meanDistance - values[knot]) / (values[knot + 1] - values[knot]);
            under = notAbove[knot] + (below[knot + 1] - notAbove[knot]) * share;
            notOver = under;
        }
        return 100 * (under + 0.5 * (notOver - under)) / n;
    }

    /** The number of distances the knots describe. */
    public int size() {
        return n;
    }

    /** The number of knots kept. */
    public int knots() {
        return values.length;
    }

    /** The first index of {@code sorted} whose value is >= x (or > x when {@code strictly}). */
    private static int firstIndex(double[] sorted, double x, boolean strictly) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            double value = sorted[mid];
            if (value < x || strictly && value == x) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    void write(DataOutput out) throws IOException {
        out.writeInt(n);
        out.writeInt(values.length);
        for (int i = 0; i < values.length; i++) {
            out.writeDouble(values[i]);
            out.writeInt(below[i]);
            out.writeInt(notAbove[i]);
        }
    }

    /** Reads what {@link #write} wrote; null when the counts are not those of a distribution function. */
    static DistanceQuantiles read(DataInput in) throws IOException {
        int n = in.readInt();
        int count = in.readInt();
        if (n < 1 || count < 1 || count > n) {
            return null;
        }
        double[] values = new double[count];
        int[] below = new int[count];
        int[] notAbove = new int[count];
        for (int i = 0; i < count; i++) {
            values[i] = in.readDouble();
            below[i] = in.readInt();
            notAbove[i] = in.readInt();
            if (!(below[i] < notAbove[i] && notAbove[i] <= n && (i == 0 || values[i] > values[i - 1]
                    && below[i] >= notAbove[i - 1]))) {
                return null;
            }
        }
        return new DistanceQuantiles(n, values, below, notAbove);
    }
}
