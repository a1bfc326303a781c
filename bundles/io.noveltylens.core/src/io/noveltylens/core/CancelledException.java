package io.noveltylens.core;

/** Thrown from inside an operation whose {@link Progress} was cancelled; the operation has left no partial state. */
public final class CancelledException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CancelledException() {
        super("Cancelled");
    }
}
