package io.noveltylens.core.hull;

/** Whether a query lies in the convex hull of a corpus, as far as it has been proved. */
public enum HullVerdict {
    /** A hull point lies within the tolerance of the query (an explicit convex combination was found). */
    INSIDE,
    /** A separating hyperplane certifies a distance to the hull larger than the tolerance. */
    OUTSIDE,
    /** Neither was proved within the budget; the bounds say how far the search got. */
    UNDETERMINED
}
