package io.noveltylens.core.corpus;

/** A file that was not read into the corpus, and why (shown to the user, counted in the build summary). */
public record SkippedSource(String source, Reason reason, String detail) {

    /** Why a source was skipped. */
    public enum Reason {
        BINARY, INVALID_ENCODING, EMPTY, TOO_LARGE, UNREADABLE, UNSUPPORTED_TYPE, MALFORMED_JSONL, LINK_LOOP
    }
}
