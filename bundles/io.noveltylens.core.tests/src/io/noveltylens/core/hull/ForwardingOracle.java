package io.noveltylens.core.hull;

import io.noveltylens.core.math.FloatMatrix;

/**
 * For tests: an oracle that answers as the exact scan of a matrix, except for {@link #maximise}, which a test
 * replaces with an answer a remote search could give (a missed maximum, a failure, a slow reply). Its leading
 * components are the exact scan's unless a test replaces them too.
 */
public abstract class ForwardingOracle implements ComponentOracle {

    protected final ExactLinearOracle exact;

    protected ForwardingOracle(FloatMatrix rows) {
        this.exact = new ExactLinearOracle(rows);
    }

    @Override
    public int rows() {
        return exact.rows();
    }

    @Override
    public int dimension() {
        return exact.dimension();
    }

    @Override
    public double spread() {
        return exact.spread();
    }

    @Override
    public float[][] vectors(int[] rows) {
        return exact.vectors(rows);
    }

    @Override
    public int[] nearestRows(double[] point, int count) {
        return exact.nearestRows(point, count);
    }

    @Override
    public ComponentOracle leadingComponents(int d) {
        return exact.leadingComponents(d);
    }
}
