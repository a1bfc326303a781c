package io.noveltylens.core.density;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.function.IntFunction;

import io.noveltylens.core.CoreText;
import io.noveltylens.core.NoveltyException;
import io.noveltylens.core.Progress;

/**
 * What the density readouts need to know about the corpus, computed once at index time from every passage's
 * leave-one-out k nearest neighbours, so that scoring a query needs only the query's own k neighbours: O(k) work plus
 * one binary search, no corpus scan.
 * <p>
 * Per passage: k-distance and lrd (LOF, Breunig et al. 2000), mean kNN distance (for the percentile), pdist and PLOF
 * (LoOP, Kriegel et al. 2009). Corpus-wide: the sorted mean kNN distances and nPLOF. A store too large for every
 * client to hold all of this keeps each passage's {@link #passage(int) statistics} with the passage and gives clients
 * a {@link #summary(int) summary} with a table of quantiles.
 * <p>
 * <b>k</b>: the model uses one k for every passage, as LOF requires (k-distance(o) enters every reach-distance). It is
 * the k asked for, lowered to the shortest neighbour list given (a corpus of n passages has at most n - 1 other
 * passages; an approximate search may return fewer); longer lists are cut to it. {@link #k()} tells which k was used,
 * and queries must bring at least that many neighbours. A neighbourhood has exactly k members: a tie at the k-th
 * distance is broken by the order of the list, where Breunig's Def. 4 would take in every tied point (with real
 * embeddings ties are rare, and the search cannot list them all anyway).
 * <p>
 * <b>Duplicates</b>: every distance is read as at least {@link Neighbourhood#DISTANCE_RESOLUTION}, so passages with k
 * or more duplicates get a large but finite lrd, never an infinite one.
 */
public final class DensityModel implements DensityScorer {

    /**
     * The lambda {@link #build} uses (the file stores it, so it can change without a new format): Kriegel et al. 2009
     * use lambda = 3, with which pdist covers about 99.7 % of a normally distributed neighbourhood.
     */
    public static final double DEFAULT_LAMBDA = 3;

    /** Version of the format {@link #write(DataOutput)} writes; bump it on every change of the layout. */
    public static final int FORMAT_VERSION = 1;

    private final int k;
    private final double lambda;
    private final double[] kDistance;
    private final double[] lrd;
    private final double[] meanDistance;
    private final double[] pdist;
    private final double[] plof;
    private final double nPlof;
    /** Every passage's mean kNN distance as knots: the exact distribution, read through the summaries' code. */
    private final DensitySummary exact;

    private DensityModel(int k, double lambda, double[] kDistance, double[] lrd, double[] meanDistance,
            double[] pdist, double[] plof, double nPlof) {
        this.k = k;
        this.lambda = lambda;
        this.kDistance = kDistance;
        this.lrd = lrd;
        this.meanDistance = meanDistance;
        this.pdist = pdist;
        this.plof = plof;
        this.nPlof = nPlof;
        this.exact = new DensitySummary(k, lambda, nPlof, DistanceQuantiles.of(meanDistance, meanDistance.length));
    }

    /**
     * Builds the model of a corpus of {@code n} passages from their leave-one-out neighbour lists, asking for each
     * passage's list once (the lists are kept in memory while building: n * k ids and distances).
     *
     * @param k the neighbourhood size asked for; see the class comment for when fewer are used
     * @param leaveOneOutNeighbours passage i's nearest other passages, nearest first, ids in [0, n), never i itself
     * @throws IllegalArgumentException for fewer than 2 passages, or a list that is empty, names the passage itself or
     *             an id out of range
     * @throws io.noveltylens.core.CancelledException when {@code progress} is cancelled
     */
    public static DensityModel build(int n, int k, IntFunction<NeighbourList> leaveOneOutNeighbours,
            Progress progress) {
        if (n < 2 || k < 1) {
            throw new IllegalArgumentException("Need at least 2 passages and k >= 1, got n=" + n + ", k=" + k);
        }
        progress.begin("Measuring local densities", n);
        NeighbourList[] lists = new NeighbourList[n];
        int usedK = k;
        for (int i = 0; i < n; i++) {
            progress.checkCanceled();
            lists[i] = checkedLeaveOneOut(i, n, leaveOneOutNeighbours.apply(i));
            usedK = Math.min(usedK, lists[i].size());
            progress.worked(1);
        }
        Neighbourhood[] neighbourhoods = new Neighbourhood[n];
        double[] kDistance = new double[n];
        double[] meanDistance = new double[n];
        double[] pdist = new double[n];
        for (int i = 0; i < n; i++) {
            neighbourhoods[i] = new Neighbourhood(lists[i], usedK);
            kDistance[i] = neighbourhoods[i].kDistance();
            meanDistance[i] = neighbourhoods[i].meanDistance();
            pdist[i] = neighbourhoods[i].probabilisticDistance(DEFAULT_LAMBDA);
        }
        double[] lrd = new double[n];
        double[] plof = new double[n];
        double sumPlofSquared = 0;
        for (int i = 0; i < n; i++) {
            Neighbourhood neighbourhood = neighbourhoods[i];
            lrd[i] = 1 / neighbourhood.meanReachDistance(j -> kDistance[neighbourhood.id(j)]);
            // PLOF (Kriegel et al. 2009, Def. 3): own pdist against the neighbours' mean pdist, minus 1.
            plof[i] = pdist[i] / neighbourhood.meanOverRanks(j -> pdist[neighbourhood.id(j)]) - 1;
            sumPlofSquared += plof[i] * plof[i];
        }
        // nPLOF (Def. 4) = lambda * sqrt(E[PLOF^2]): the standard deviation of PLOF, assuming mean 0, times lambda.
        double nPlof = DEFAULT_LAMBDA * Math.sqrt(sumPlofSquared / n);
        return new DensityModel(usedK, DEFAULT_LAMBDA, kDistance, lrd, meanDistance, pdist, plof, nPlof);
    }

    private static NeighbourList checkedLeaveOneOut(int passage, int n, NeighbourList list) {
        if (list.size() == 0) {
            throw new IllegalArgumentException("Passage " + passage + " has no neighbours");
        }
        for (int j = 0; j < list.size(); j++) {
            int id = list.id(j);
            if (id == passage || id < 0 || id >= n) {
                throw new IllegalArgumentException(
                        "Passage " + passage + " lists neighbour " + id + " (need leave-one-out ids in [0, " + n
                                + "))");
            }
        }
        return list;
    }

    /**
     * Scores a new query (not a corpus passage) from its nearest corpus passages, nearest first; only the first
     * {@link #k()} are used. For a passage that is in the corpus, pass its leave-one-out list instead, or it would
     * count itself as its own nearest neighbour at distance 0.
     *
     * @throws IllegalArgumentException with fewer than {@link #k()} neighbours or an id outside the corpus
     */
    @Override
    public DensityReadout score(NeighbourList queryNeighbours) {
        if (queryNeighbours.size() < k) {
            throw new IllegalArgumentException("Need " + k + " neighbours, got " + queryNeighbours.size());
        }
        for (int j = 0; j < k; j++) {
            if (queryNeighbours.id(j) < 0 || queryNeighbours.id(j) >= size()) {
                throw new IllegalArgumentException("No corpus passage " + queryNeighbours.id(j));
            }
        }
        return exact.score(queryNeighbours, this::passage);
    }

    /** The statistics of one passage that a query with it among its neighbours reads. */
    public PassageDensity passage(int passage) {
        return new PassageDensity(kDistance[passage], lrd[passage], pdist[passage]);
    }

    /**
     * The corpus-wide part of this model with its distribution of mean kNN distances as {@code knots}
     * {@link DistanceQuantiles}: with each neighbour's {@link #passage(int) statistics} it scores a query as this
     * model does, the percentile within the quantiles' bound.
     */
    public DensitySummary summary(int knots) {
        return new DensitySummary(k, lambda, nPlof, DistanceQuantiles.of(meanDistance, knots));
    }

    /** The k every readout uses. */
    @Override
    public int k() {
        return k;
    }

    /** The number of corpus passages. */
    public int size() {
        return kDistance.length;
    }

    public double lambda() {
        return lambda;
    }

    double kDistance(int passage) {
        return kDistance[passage];
    }

    double lrd(int passage) {
        return lrd[passage];
    }

    double meanDistance(int passage) {
        return meanDistance[passage];
    }

    double pdist(int passage) {
        return pdist[passage];
    }

    double plof(int passage) {
        return plof[passage];
    }

    double nPlof() {
        return nPlof;
    }

    /** Writes {@link #FORMAT_VERSION}, the sizes, and the per-passage arrays as big-endian doubles. */
    public void write(DataOutput out) throws IOException {
        out.writeInt(FORMAT_VERSION);
        out.writeInt(size());
        out.writeInt(k);
        out.writeDouble(lambda);
        out.writeDouble(nPlof);
        for (double[] values : new double[][] { kDistance, lrd, meanDistance, pdist, plof }) {
            ByteBuffer bytes = ByteBuffer.allocate(values.length * Double.BYTES);
            bytes.asDoubleBuffer().put(values);
            out.write(bytes.array());
        }
    }

    /**
     * Reads a model written by {@link #write(DataOutput)}. Arrays are read in bulk rather than a double at a time:
     * the 65,000-passage corpus loads in a few milliseconds.
     *
     * @throws NoveltyException of kind {@link NoveltyException.Kind#INDEX} when the data has another format version
     *             or is not a density model
     */
    public static DensityModel read(DataInput in) throws IOException, NoveltyException {
        int version = in.readInt();
        if (version != FORMAT_VERSION) {
            throw new NoveltyException(NoveltyException.Kind.INDEX,
                    CoreText.bind(CoreText.DensityModel_formatVersion, version, FORMAT_VERSION));
        }
        int n = in.readInt();
        int k = in.readInt();
        double lambda = in.readDouble();
        double nPlof = in.readDouble();
        if (n < 2 || k < 1 || k >= n || !(lambda > 0) || !(nPlof >= 0)) {
            throw new NoveltyException(NoveltyException.Kind.INDEX, CoreText.bind(CoreText.DensityModel_damaged, n, k));
        }
        double[][] arrays = new double[5][];
        byte[] bytes = new byte[n * Double.BYTES];
        for (int a = 0; a < arrays.length; a++) {
            in.readFully(bytes);
            arrays[a] = new double[n];
            ByteBuffer.wrap(bytes).asDoubleBuffer().get(arrays[a]);
        }
        return new DensityModel(k, lambda, arrays[0], arrays[1], arrays[2], arrays[3], arrays[4], nPlof);
    }
}
