package io.noveltylens.core.index;

import io.noveltylens.core.hull.ComponentOracle;
import io.noveltylens.core.hull.LinearOracle;
import io.noveltylens.core.math.Pca;

/**
 * What the hull readouts need of a corpus: its raw (un-normalised, mean-pooled) embeddings and their projection on
 * the principal components, each behind a {@link LinearOracle} (a scan in memory for a local index, a search for a
 * remote one), the PCA, and the median nearest-neighbour distance in the raw space as the scale.
 */
public record HullData(LinearOracle raw, Pca pca, ComponentOracle projected, double rawNeighbourDistance) {
}
