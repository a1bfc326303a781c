package io.noveltylens.core.exclude;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text in double quotation marks, marks included: curly ("\u201c...\u201d"), straight ("\"...\"") and LaTeX's
 * ("``...''"). A quotation ends within its paragraph: a mark that no closing mark follows before the next blank line
 * (the open quote of dialogue that runs over several paragraphs, as novels print it) leaves nothing out. A straight
 * mark opens only after a space, a bracket or the start, before a visible character, and closes only after one.
 */
final class Quotations {

    private static final Pattern PARAGRAPH_END = Pattern.compile("\\n[ \\t]*\\r?\\n");

    private Quotations() {
    }

    static void scan(Blanking blanking) {
        pairs(blanking, "\u201c", "\u201d", false);
        pairs(blanking, "``", "''", false);
        pairs(blanking, "\"", "\"", true);
    }

    private static void pairs(Blanking blanking, String open, String close, boolean straight) {
        String text = blanking.text();
        Matcher paragraphEnd = PARAGRAPH_END.matcher(text);
        int from = 0;
        for (int start = text.indexOf(open); start >= 0; start = text.indexOf(open, from)) {
            from = start + open.length();
            if (straight && !opens(text, start)) {
                continue;
            }
            int limit = paragraphEnd.find(from) ? paragraphEnd.start() : text.length();
            int end = closing(text, close, from, limit, straight);
            if (end >= 0) {
                blanking.claim(start, end + close.length(), ExcludedKind.QUOTATION);
                from = end + close.length();
            }
        }
    }

    private static boolean opens(String text, int at) {
        boolean afterSpace = at == 0 || Character.isWhitespace(text.charAt(at - 1))
                || "([{\u2014\u2013-/".indexOf(text.charAt(at - 1)) >= 0;
        return afterSpace && at + 1 < text.length() && !Character.isWhitespace(text.charAt(at + 1));
    }

    /** Where the closing mark is in {@code text[from, limit)}, or -1. */
    private static int closing(String text, String close, int from, int limit, boolean straight) {
        for (int at = text.indexOf(close, from); at >= 0 && at + close.length() <= limit; at = text.indexOf(close,
                at + 1)) {
            if (!straight || at > from && !Character.isWhitespace(text.charAt(at - 1))) {
                return at;
            }
        }
        return -1;
    }
}
