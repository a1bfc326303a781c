package io.noveltylens.core.density;

/**
 * How isolated a query sits among the corpus passages, from its k nearest corpus passages.
 *
 * @param k the neighbourhood size every number below uses
 * @param meanDistance mean Euclidean distance between the unit embeddings of the query and its k nearest passages
 * @param percentile share of the corpus's reference units (0-100) whose own mean kNN distance is below the query's,
 *            ties counted half: 50 = as isolated as a typical one, 99 = more isolated than 99 % of them
 * @param comparedWith what the percentile is against, completing "of ...": corpus text of about the query's length
 *            (a calibrated index), or the corpus's passages (leave-one-out, whatever the query's length)
 * @param lof Local Outlier Factor (Breunig et al. 2000): about 1 inside a cluster, well above 1 when the query's
 *            neighbourhood is sparser than its neighbours' own
 * @param loop Local Outlier Probability (Kriegel et al. 2009), in [0, 1]
 */
public record DensityReadout(int k, double meanDistance, double percentile, double lof, double loop,
        String comparedWith) {

    /** What {@link DensityModel#score} compares with. */
    public static final String CORPUS_PASSAGES = "the corpus's own passages";

    /** The same readout with its percentile against another reference. */
    public DensityReadout withPercentile(double newPercentile, String reference) {
        return new DensityReadout(k, meanDistance, newPercentile, lof, loop, reference);
    }

    public String percentileExplanation() {
        return DensityExplanation.percentile(percentile, comparedWith);
    }

    public String lofExplanation() {
        return DensityExplanation.lof(lof);
    }

    public String loopExplanation() {
        return DensityExplanation.loop(loop);
    }
}
