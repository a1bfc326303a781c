package io.noveltylens.core;

import java.util.Optional;

/**
 * A failure the user can act on. The message says what happened and what to do; the {@link Kind} lets the CLI map
 * it to a distinct exit code and the view to the right empty state; a {@link Remedy} names a fix that only a front end
 * can spell out (its menu path or its command line), which it adds to the message.
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

    /** A fix whose wording belongs to the front end: core's message says what is wrong, the front end how to fix it. */
    public enum Remedy {
        /** There is no index yet: build one from a corpus. */
        BUILD_INDEX
    }

    private final Kind kind;
    private final Remedy remedy;

    public NoveltyException(Kind kind, String message) {
        this(kind, message, null);
    }

    public NoveltyException(Kind kind, String message, Throwable cause) {
        this(kind, null, message, cause);
    }

    /** A failure whose fix the front end adds to {@code message} (see {@link #remedy()}). */
    public NoveltyException(Kind kind, Remedy remedy, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.remedy = remedy;
    }

    public Kind kind() {
        return kind;
    }

    /** The fix a front end should add to the message, if any. */
    public Optional<Remedy> remedy() {
        return Optional.ofNullable(remedy);
    }
}
