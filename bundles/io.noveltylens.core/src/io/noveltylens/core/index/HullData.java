package io.noveltylens.core.index;

import io.noveltylens.core.hull.ComponentOracle;
import io.noveltylens.core.hull.LinearOracle;
import io.noveltylens.core.math.Pca;

/**
 * What the hull readouts need of a corpus: its unit (L2-normalised) embeddings and their projection on the principal
 * components of the unit embeddings, each behind a {@link LinearOracle} (a scan in memory for a local index, a search
 * for a remote one), the PCA, and the median nearest-neighbour distance between unit embeddings as the scale. Unit
 * embeddings, because the norm of a raw mean-pooled embedding tracks the passage's length (docs/design.md, "Convex
 * hull").
 */
public record HullData(LinearOracle vectors, Pca pca, ComponentOracle projected, double neighbourDistance) {

    /** The space of the hull readouts, as reports name it. */
    public static final String SPACE = "unit (L2-normalised) embeddings";
}
