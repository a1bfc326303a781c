package io.noveltylens.core.annotate;

import java.util.ArrayList;
import java.util.List;

import io.noveltylens.core.corpus.TextNormalization;
import io.noveltylens.core.corpus.TextSpan;
import io.noveltylens.core.exclude.ExcludedRange;
import io.noveltylens.core.exclude.MaskedText;

/**
 * A passage masked as read (see {@link PassageMasks}) and then whitespace-collapsed: the exclusions need the passage's lines (a block quote, a
 * code fence, front matter are line structures), while the annotator scores the collapsed text the index would hold.
 * The excluded ranges are carried over to the collapsed text's offsets.
 */
final class CollapsedMask {

    private CollapsedMask() {
    }

    /** {@link TextNormalization#collapseWhitespace} of the passage as read, with what was left out of it. */
    static MaskedText of(MaskedText masked) {
        String raw = masked.original();
        int[] at = new int[raw.length() + 1];
        String collapsed = collapse(raw, at);
        List<ExcludedRange> ranges = new ArrayList<>();
        for (ExcludedRange range : masked.excluded()) {
            int start = at[range.span().start()];
            int end = at[range.span().end()];
            if (end > start) {
                ranges.add(new ExcludedRange(new TextSpan(start, end), range.kind()));
            }
        }
        return MaskedText.of(collapsed, ranges);
    }

    /**
     * The collapsed text, built as {@link TextNormalization#collapseWhitespace} does (strip, then every run of
     * {@code \s} to one space), filling {@code at[i]} with the offset in it of the character at {@code i} (a run of
     * whitespace maps to its one space; what strip removes maps to the nearest end).
     */
    static String collapse(String raw, int[] at) {
        int from = raw.length() - raw.stripLeading().length();
        int to = raw.stripTrailing().length();
        StringBuilder out = new StringBuilder(Math.max(0, to - from));
        for (int i = 0; i < from; i++) {
            at[i] = 0;
        }
        int i = from;
        while (i < to) {
            if (isRegexSpace(raw.charAt(i))) {
                int position = out.length();
                out.append(' ');
                for (; i < to && isRegexSpace(raw.charAt(i)); i++) {
                    at[i] = position;
                }
            } else {
                at[i] = out.length();
                out.append(raw.charAt(i++));
            }
        }
        for (int j = Math.max(to, from); j <= raw.length(); j++) {
            at[j] = out.length();
        }
        return out.toString();
    }

    /** The characters of {@code \s} in a Java regular expression without UNICODE_CHARACTER_CLASS. */
    private static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }
}
