package io.noveltylens.core.hull;

/** How a hull verdict was reached in one space of the extrapolation-depth curve. */
public enum HullMethod {
    /** In one dimension the hull is the interval [min, max]. */
    RANGE,
    /** Frank-Wolfe: a certified separating hyperplane (outside) or an iterate within tolerance (inside). */
    FRANK_WOLFE,
    /** The LP over the query's nearest corpus points; their hull lies in the full hull, so it only proves inside. */
    NEIGHBOUR_LP,
    /** The LP over the whole corpus. */
    LP
}
