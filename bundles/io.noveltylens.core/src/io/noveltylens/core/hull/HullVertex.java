package io.noveltylens.core.hull;

/** A corpus row (by index) and its weight in the convex combination that forms a hull point. */
public record HullVertex(int index, double weight) {
}
