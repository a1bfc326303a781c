package io.noveltylens.core.hull;

import io.noveltylens.core.math.FloatMatrix;

/**
 * When a query counts as inside a hull, and when a distance counts as known.
 *
 * @param insideDistance a query within this distance of a hull point is {@link HullVerdict#INSIDE}; one whose
 *     certified distance exceeds it is {@link HullVerdict#OUTSIDE}. One absolute value for every space the query is
 *     tested in keeps the verdicts monotone in the number of components.
 * @param relativeGap Frank-Wolfe's distance runs stop once {@code upper - lower <= relativeGap * upper}
 */
public record HullTolerance(double insideDistance, double relativeGap) {

    /**
     * The inside tolerance relative to the data's spread: 1e-6 is about 16 times the relative precision of the float
     * coordinates the corpus is stored in, so nothing finer is meaningful, and a simplex or Frank-Wolfe solution in
     * double reaches it.
     */
    public static final double RELATIVE_INSIDE = 1e-6;
    /**
     * Two significant digits, as many as the readout shows. Each further digit costs Frank-Wolfe several times the
     * iterations: on 65k clustered unit vectors in 384-d a 1e-3 gap took 80-120 iterations (about 40 ms each on a
     * loaded 2-core machine), a 1e-2 gap 42-52.
     */
    public static final double RELATIVE_GAP = 1e-2;

    public HullTolerance {
        if (!(insideDistance >= 0) || !(relativeGap >= 0)) {
            throw new IllegalArgumentException(
                    "Tolerances must be non-negative: " + insideDistance + ", " + relativeGap);
        }
    }

    /** The default tolerances, scaled by the spread (root-mean-square distance from the mean) of {@code corpus}. */
    public static HullTolerance relativeTo(FloatMatrix corpus) {
        return relativeToSpread(corpus.spread());
    }

    /** The default tolerances, scaled by the spread of the rows {@code corpus} answers about. */
    public static HullTolerance relativeTo(LinearOracle corpus) {
        return relativeToSpread(corpus.spread());
    }

    private static HullTolerance relativeToSpread(double spread) {
        return new HullTolerance(RELATIVE_INSIDE * spread, RELATIVE_GAP);
    }
}
