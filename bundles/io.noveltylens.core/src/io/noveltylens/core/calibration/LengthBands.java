package io.noveltylens.core.calibration;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * One readout's values on the corpus's own reference units, grouped by length: a query is read against the units of
 * about its own length, so that the percentile measures novelty and not length (docs/design.md, "Calibration").
 * Bands hold equal numbers of units, cut at word counts, so every band has a sample large enough for a percentile
 * whatever lengths the corpus has; the last band is open-ended, and a query shorter than the first band's lower edge
 * is read against the first band.
 */
public final class LengthBands {

    /** Bands a calibration has at least, given the units: sentence, paragraph, and longer lengths apart. */
    static final int MIN_BANDS = 4;

    private final int[] lowerWords;
    private final double[][] sortedValues;

    private LengthBands(int[] lowerWords, double[][] sortedValues) {
        this.lowerWords = lowerWords;
        this.sortedValues = sortedValues;
    }

    /**
     * Bands of about {@code unitsPerBand} units each, from the units' word counts and values (higher = more novel),
     * and at least {@link #MIN_BANDS} when there are that many units: a small corpus still compares a sentence with
     * sentences, with a coarser percentile. Units of one word count never straddle two bands, so a band may hold more;
     * a last band smaller than half the size joins the one before it.
     *
     * @throws IllegalArgumentException when there are no units
     */
    public static LengthBands of(int[] words, double[] values, int unitsPerBand) {
        if (words.length == 0 || words.length != values.length || unitsPerBand < 1) {
            throw new IllegalArgumentException("Need units with values, got " + words.length + " and " + values.length);
        }
        Integer[] order = new Integer[words.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingInt(i -> words[i]));
        int size = Math.max(1, Math.min(unitsPerBand, words.length / MIN_BANDS));
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 1; i < order.length; i++) {
            boolean full = i - starts.get(starts.size() - 1) >= size;
            if (full && words[order[i]] != words[order[i - 1]] && order.length - i >= size / 2) {
                starts.add(i);
            }
        }
        int[] lower = new int[starts.size()];
        double[][] sorted = new double[starts.size()][];
        for (int b = 0; b < lower.length; b++) {
            int from = starts.get(b);
            int to = b + 1 < lower.length ? starts.get(b + 1) : order.length;
            lower[b] = words[order[from]];
            sorted[b] = new double[to - from];
            for (int i = from; i < to; i++) {
                sorted[b][i - from] = values[order[i]];
            }
            Arrays.sort(sorted[b]);
        }
        return new LengthBands(lower, sorted);
    }

    /** The band a text of {@code words} words is read against. */
    public int band(int words) {
        int band = 0;
        while (band + 1 < lowerWords.length && lowerWords[band + 1] <= words) {
            band++;
        }
        return band;
    }

    public int bands() {
        return lowerWords.length;
    }

    /** The smallest word count of a band's units. */
    public int lowerWords(int band) {
        return lowerWords[band];
    }

    /** The largest word count of a band's units, or -1 for the open-ended last band. */
    public int upperWords(int band) {
        return band + 1 < lowerWords.length ? lowerWords[band + 1] - 1 : -1;
    }

    /** The lengths a text of {@code words} words is read against: "12-23 words", "10 words", "300 words or more". */
    public String lengths(int words) {
        int band = band(words);
        int lower = lowerWords(band);
        int upper = upperWords(band);
        if (upper < 0) {
            return lower + " words or more";
        }
        return upper == lower ? lower + " words" : lower + "-" + upper + " words";
    }

    /** The number of reference units in a band. */
    public int size(int band) {
        return sortedValues[band].length;
    }

    /**
     * The mid-rank percentile of {@code value} among the units of the band for {@code words}: 100 * (units below +
     * half the units tied) / units. 50 = as novel as a typical corpus unit of that length, 100 = more than all of them.
     */
    public double percentile(int words, double value) {
        double[] sorted = sortedValues[band(words)];
        int below = firstIndexNotBelow(sorted, value, false);
        int notAbove = firstIndexNotBelow(sorted, value, true);
        return 100 * (below + 0.5 * (notAbove - below)) / sorted.length;
    }

    /** The first index whose value is >= x (or > x when {@code strictly}). */
    private static int firstIndexNotBelow(double[] sorted, double x, boolean strictly) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (sorted[mid] < x || strictly && sorted[mid] == x) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    void write(DataOutput out) throws IOException {
        out.writeInt(lowerWords.length);
        for (int b = 0; b < lowerWords.length; b++) {
            out.writeInt(lowerWords[b]);
            out.writeInt(sortedValues[b].length);
            for (double value : sortedValues[b]) {
                out.writeDouble(value);
            }
        }
    }

    static LengthBands read(DataInput in) throws IOException {
        int bands = in.readInt();
        if (bands < 1 || bands > 10_000) {
            throw new IOException("damaged length bands (" + bands + " bands)");
        }
        int[] lower = new int[bands];
        double[][] sorted = new double[bands][];
        for (int b = 0; b < bands; b++) {
            lower[b] = in.readInt();
            int size = in.readInt();
            if (size < 1 || size > 100_000_000 || b > 0 && lower[b] <= lower[b - 1]) {
                throw new IOException("damaged length band " + b);
            }
            sorted[b] = new double[size];
            for (int i = 0; i < size; i++) {
                sorted[b][i] = in.readDouble();
            }
        }
        return new LengthBands(lower, sorted);
    }
}
