package io.noveltylens.core.hull;

/** How a hull verdict was reached in one space of the extrapolation-depth curve. */
public enum HullMethod {
    /** In one dimension the hull is the interval [min, max]. */
    RANGE,
    /** Frank-Wolfe: a certified separating hyperplane (outside) or an iterate within tolerance (inside). */
    FRANK_WOLFE,
    /** Linear programs over a growing subset of the corpus, each answer certified against every row. */
    LP
}
