package io.noveltylens.core.hull;

/**
 * One point of the extrapolation-depth curve: the verdict for the corpus projected on its first {@code dimension}
 * principal components, and how it is known.
 *
 * @param method how the verdict was proved, at {@code evidenceDimension}; for an undetermined verdict, the last method
 *     tried, or {@code null} when none was
 * @param evidenceDimension the dimension whose proof this verdict rests on: itself when proved, a larger one (inside)
 *     or a smaller one (outside) when inferred, -1 when undetermined
 */
public record DepthVerdict(int dimension, HullVerdict verdict, Basis basis, HullMethod method, int evidenceDimension) {

    /** Why the verdict is what it is. */
    public enum Basis {
        /** Proved in this dimension. */
        PROVED,
        /**
         * Implied by a proof in another dimension: projection maps convex combinations to convex combinations, so
         * inside in d components implies inside in fewer, and outside in d implies outside in more.
         */
        INFERRED,
        /** Tried, but the budget ran out before a proof. */
        UNDECIDED,
        /** Not tried: the budget ran out first. */
        NOT_TRIED
    }
}
