package io.noveltylens.core.hull;

import io.noveltylens.core.NoveltyException;

/**
 * A {@link LinearOracle} over a remote corpus could not answer (the cluster went away). Unchecked so that the solvers
 * stay free of I/O; the hull analysis turns it back into the {@link NoveltyException} it carries, whose message says
 * what to do.
 */
public final class OracleFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public OracleFailure(NoveltyException failure) {
        super(failure.getMessage(), failure);
    }

    public NoveltyException failure() {
        return (NoveltyException) getCause();
    }
}
