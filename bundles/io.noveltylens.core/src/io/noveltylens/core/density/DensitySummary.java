package io.noveltylens.core.density;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.function.IntFunction;

import io.noveltylens.core.CoreText;
import io.noveltylens.core.NoveltyException;

/**
 * What a query's density readouts need of the whole corpus, in a size that does not grow with it: k, lambda, nPLOF
 * and the distribution of the passages' mean kNN distances as {@link DistanceQuantiles}. The rest, each neighbour's
 * {@link PassageDensity}, comes with the neighbours. {@link DensityModel} scores through the same code with an exact
 * distribution and its own per-passage arrays, so a summary of a model scores every query as the model does, the
 * percentile aside (within the quantiles' bound).
 */
public final class DensitySummary {

    /** Version of the format {@link #write(DataOutput)} writes; bump it on every change of the layout. */
    public static final int FORMAT_VERSION = 1;

    private final int k;
    private final double lambda;
    private final double nPlof;
    private final DistanceQuantiles meanDistances;

    DensitySummary(int k, double lambda, double nPlof, DistanceQuantiles meanDistances) {
        this.k = k;
        this.lambda = lambda;
        this.nPlof = nPlof;
        this.meanDistances = meanDistances;
    }

    /** The k every readout uses. */
    public int k() {
        return k;
    }

    /** The number of corpus passages. */
    public int size() {
        return meanDistances.size();
    }

    public DistanceQuantiles meanDistances() {
        return meanDistances;
    }

    /**
     * Scores a new query from its nearest corpus passages, nearest first (only the first {@link #k()} are used),
     * reading each neighbour's statistics from {@code statistics} (by passage id).
     *
     * @throws IllegalArgumentException with fewer than {@link #k()} neighbours
     */
    public DensityReadout score(NeighbourList queryNeighbours, IntFunction<PassageDensity> statistics) {
        Neighbourhood query = new Neighbourhood(queryNeighbours, k);
        PassageDensity[] neighbours = new PassageDensity[k];
        for (int j = 0; j < k; j++) {
            neighbours[j] = statistics.apply(query.id(j));
        }
        double mean = query.meanDistance();
        // LOF(q) = mean_o lrd(o) / lrd(q), with lrd(q) = 1 / mean reach-dist (Breunig et al. 2000, Def. 7).
        double lof = query.meanOverRanks(j -> neighbours[j].lrd())
                * query.meanReachDistance(j -> neighbours[j].kDistance());
        double queryPlof = query.probabilisticDistance(lambda) / query.meanOverRanks(j -> neighbours[j].pdist()) - 1;
        return new DensityReadout(k, mean, meanDistances.percentile(mean), lof, loop(queryPlof),
                DensityReadout.CORPUS_PASSAGES);
    }

    /**
     * LoOP = max(0, erf(PLOF / (nPLOF * sqrt 2))) (Kriegel et al. 2009, Def. 5). When every corpus PLOF is 0 (a
     * perfectly regular corpus) nPLOF is 0 and the limit is taken: any PLOF above 0 is an outlier with probability 1.
     */
    private double loop(double queryPlof) {
        if (queryPlof <= 0) {
            return 0;
        }
        if (nPlof == 0) {
            return 1;
        }
        return Math.max(0, ErrorFunction.erf(queryPlof / (nPlof * Math.sqrt(2))));
    }

    /** Writes {@link #FORMAT_VERSION}, k, lambda, nPLOF and the quantiles. */
    public void write(DataOutput out) throws IOException {
        out.writeInt(FORMAT_VERSION);
        out.writeInt(k);
        out.writeDouble(lambda);
        out.writeDouble(nPlof);
        meanDistances.write(out);
    }

    /**
     * Reads a summary written by {@link #write(DataOutput)}.
     *
     * @throws NoveltyException of kind {@link NoveltyException.Kind#INDEX} when the data has another format version
     *             or is damaged
     */
    public static DensitySummary read(DataInput in) throws IOException, NoveltyException {
        int version = in.readInt();
        if (version != FORMAT_VERSION) {
            throw new NoveltyException(NoveltyException.Kind.INDEX,
                    CoreText.bind(CoreText.DensityModel_formatVersion, version, FORMAT_VERSION));
        }
        int k = in.readInt();
        double lambda = in.readDouble();
        double nPlof = in.readDouble();
        DistanceQuantiles quantiles = DistanceQuantiles.read(in);
        if (quantiles == null || k < 1 || k >= quantiles.size() || !(lambda > 0) || !(nPlof >= 0)) {
            throw new NoveltyException(NoveltyException.Kind.INDEX,
                    CoreText.bind(CoreText.DensityModel_damaged, quantiles == null ? 0 : quantiles.size(), k));
        }
        return new DensitySummary(k, lambda, nPlof, quantiles);
    }
}
