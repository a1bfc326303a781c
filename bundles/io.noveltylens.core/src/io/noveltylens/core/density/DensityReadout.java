package io.noveltylens.core.density;

/**
 * How isolated a query sits among the corpus passages, from its k nearest corpus passages.
 *
 * @param k the neighbourhood size every number below uses
 * @param meanDistance mean Euclidean distance between the unit embeddings of the query and its k nearest passages
 * @param percentile share of corpus passages (0-100) whose own leave-one-out mean kNN distance is below the query's,
 *            ties counted half: 50 = as isolated as a typical corpus passage, 99 = more isolated than 99 % of them
 * @param lof Local Outlier Factor (Breunig et al. 2000): about 1 inside a cluster, well above 1 when the query's
 *            neighbourhood is sparser than its neighbours' own
 * @param loop Local Outlier Probability (Kriegel et al. 2009), in [0, 1]
 */
public record DensityReadout(int k, double meanDistance, double percentile, double lof, double loop) {

    public String percentileExplanation() {
        return DensityExplanation.percentile(percentile);
    }

    public String lofExplanation() {
        return DensityExplanation.lof(lof);
    }

    public String loopExplanation() {
        return DensityExplanation.loop(loop);
    }
}
