package io.noveltylens.core.verbatim;

/** One word of a passage as the {@link VerbatimAnalyzer} indexes it, with where it sits in the passage's text. */
public record Word(String term, int startOffset, int endOffset) {
}
