package io.noveltylens.core.index;

import io.noveltylens.core.math.FloatMatrix;
import io.noveltylens.core.math.Pca;

/**
 * What the hull readouts need of a corpus: the raw (un-normalised, mean-pooled) embeddings, their PCA and their
 * projection on the principal components, and the median nearest-neighbour distance in the raw space as the scale.
 */
public record HullData(FloatMatrix raw, Pca pca, FloatMatrix projected, double rawNeighbourDistance) {
}
