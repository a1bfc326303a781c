package io.noveltylens.core.corpus;

/**
 * Where a passage came from: a source (a file path or URI, as the user gave it), the character range of the passage in
 * that source and its 1-based first line, so that a presenter can open the source at the exact place.
 */
public record Provenance(String source, int startOffset, int endOffset, int line) {

    public Provenance {
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("source");
        }
        if (startOffset < 0 || endOffset < startOffset || line < 1) {
            throw new IllegalArgumentException("range " + startOffset + ".." + endOffset + " line " + line);
        }
    }
}
