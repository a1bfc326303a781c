package io.noveltylens.core.hull;

/**
 * A linear oracle over rows in principal-component coordinates, which the extrapolation depth asks about in their
 * first d components for several d.
 */
public interface ComponentOracle extends LinearOracle {

    /** The same rows on their first {@code d} components only: the corpus projected on fewer components. */
    ComponentOracle leadingComponents(int d);
}
