package io.noveltylens.core.corpus;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits text into sentences with the JDK's rule-based {@link BreakIterator} (no model, no network), trimming the
 * whitespace around each sentence so that offsets point at its first and last visible character.
 */
public final class SentenceSplitter {

    private SentenceSplitter() {
    }

    public static List<TextSpan> sentences(String text) {
        return sentences(text, 0, text.length());
    }

    /** The sentences of {@code text[from, to)}, as spans of {@code text}. */
    public static List<TextSpan> sentences(String text, int from, int to) {
        BreakIterator breaks = BreakIterator.getSentenceInstance(Locale.ENGLISH);
        breaks.setText(text.substring(from, to));
        List<TextSpan> spans = new ArrayList<>();
        int start = breaks.first();
        for (int end = breaks.next(); end != BreakIterator.DONE; start = end, end = breaks.next()) {
            TextSpan trimmed = trim(text, from + start, from + end);
            if (trimmed != null) {
                spans.add(trimmed);
            }
        }
        return spans;
    }

    /** The span without leading and trailing whitespace, or null when it is blank. */
    static TextSpan trim(String text, int start, int end) {
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return start < end ? new TextSpan(start, end) : null;
    }
}
