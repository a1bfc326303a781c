package io.noveltylens.core.analysis;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import io.noveltylens.core.hull.Deadline;
import io.noveltylens.core.hull.ExtrapolationDepth;
import io.noveltylens.core.hull.ExtrapolationDepthResult;
import io.noveltylens.core.hull.HullDistance;
import io.noveltylens.core.hull.HullDistanceResult;

/**
 * The two hull readouts of one query: its distance to the hull and its extrapolation depth. The two share nothing
 * but read-only data, so the depth sweep runs on a pool thread while the caller computes the distance, each with the
 * whole deadline: on 2 cores that doubles what a budget decides.
 */
public record HullMeasurement(HullDistanceResult distance, ExtrapolationDepthResult depth) {

    /**
     * Measures {@code point} (and its projection {@code projected} on the principal components the depth solver
     * was built on), starting the distance's Frank-Wolfe at row {@code startRow}.
     */
    static HullMeasurement of(HullDistance distanceSolver, ExtrapolationDepth depthSolver, double[] point,
            int startRow, double[] projected, Deadline deadline, int maxIterations) {
        CompletableFuture<ExtrapolationDepthResult> depth = CompletableFuture
                .supplyAsync(() -> depthSolver.measure(projected, deadline));
        HullDistanceResult distance = distanceSolver.distance(point, startRow, deadline, maxIterations);
        try {
            return new HullMeasurement(distance, depth.join());
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /** The solvers work in double precision; vectors are stored as floats. */
    static double[] widened(float[] vector) {
        double[] wide = new double[vector.length];
        for (int i = 0; i < wide.length; i++) {
            wide[i] = vector[i];
        }
        return wide;
    }
}
