package io.noveltylens.core.corpus;

/** One passage of a corpus source, as read: its text and where it sits in the source. */
public record Passage(String text, Provenance provenance) {
}
