package io.noveltylens.core.exclude;

import java.util.ArrayList;
import java.util.List;

import io.noveltylens.core.corpus.TextSpan;

/**
 * The text as the scanners leave it: each range they claim is recorded and its characters replaced by spaces, line
 * breaks kept, so that every offset of the result is the same offset of the original (the heatmap places sentences
 * by them) and paragraphs and lines stay where they were. A scanner reads the text left so far, so a quotation mark
 * inside a code block claimed before no longer pairs with another.
 */
final class Blanking {

    private final char[] chars;
    private final List<ExcludedRange> ranges = new ArrayList<>();

    Blanking(String original) {
        this.chars = original.toCharArray();
    }

    /** The text left so far. */
    String text() {
        return new String(chars);
    }

    void claim(int start, int end, ExcludedKind kind) {
        if (start >= end) {
            return;
        }
        ranges.add(new ExcludedRange(new TextSpan(start, end), kind));
        blank(chars, start, end);
    }

    List<ExcludedRange> ranges() {
        return ranges;
    }

    static void blank(char[] chars, int start, int end) {
        for (int i = start; i < end; i++) {
            if (chars[i] != '\n' && chars[i] != '\r') {
                chars[i] = ' ';
            }
        }
    }
}
