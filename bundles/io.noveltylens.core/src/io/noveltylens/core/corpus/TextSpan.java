package io.noveltylens.core.corpus;

/** A half-open character range [start, end) of a text. */
public record TextSpan(int start, int end) {

    public TextSpan {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException(start + ".." + end);
        }
    }

    public String of(String text) {
        return text.substring(start, end);
    }
}
