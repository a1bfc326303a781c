package io.noveltylens.core.compare;

import io.noveltylens.core.hull.DepthVerdict;
import io.noveltylens.core.hull.HullVerdict;

/**
 * What a comparison keeps of one point of a passage's extrapolation-depth curve: the verdict on the corpus's first
 * {@code dimension} principal components (how it was proved stays in the passage's record).
 */
public record CurvePoint(int dimension, HullVerdict verdict) {

    public static CurvePoint of(DepthVerdict point) {
        return new CurvePoint(point.dimension(), point.verdict());
    }
}
