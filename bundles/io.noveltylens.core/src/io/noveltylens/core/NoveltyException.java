package io.noveltylens.core;

/**
 * A failure the user can act on. The message says what happened and what to do; the {@link Kind} lets the CLI map
 * it to a distinct exit code and the view to the right empty state.
 */
public class NoveltyException extends Exception {

    private static final long serialVersionUID = 1L;

    /** What went wrong, coarse enough for an exit code. */
    public enum Kind {
        /** The text or arguments given cannot be analysed as they are. */
        BAD_INPUT,
        /** The model files are missing, corrupt or do not fit together. */
        MODEL,
        /** The index is missing, corrupt, or was built by another model or format. */
        INDEX,
        /** A corpus source cannot be read. */
        CORPUS,
        /** The disk or file system failed (full, read-only, permissions). */
        IO
    }

    private final Kind kind;

    public NoveltyException(Kind kind, String message) {
        this(kind, message, null);
    }

    public NoveltyException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
