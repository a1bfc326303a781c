package io.noveltylens.core.hull;

import java.util.List;

/**
 * The extrapolation depth of a query (docs/design.md, Convex hull): how many leading principal components the corpus hull still
 * contains it in.
 *
 * @param depth the largest tried dimension in which the query is inside (proved or inferred), 0 when none is; when
 *     the result is not complete the true depth may be larger, up to the first dimension known to be outside
 * @param curve one verdict per tried dimension, in increasing dimension: inside, then undetermined, then outside
 * @param complete whether every dimension of the curve was decided within the budget
 * @param certified whether every "outside" verdict is proved; false when one rests on a maximum from an approximate
 *     search ({@link HullDistanceResult#certified()}). "Inside" verdicts are always proved
 */
public record ExtrapolationDepthResult(int depth, List<DepthVerdict> curve, boolean complete, boolean certified) {

    public ExtrapolationDepthResult {
        curve = List.copyOf(curve);
    }
}
