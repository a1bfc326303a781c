package io.noveltylens.core.corpus;

import java.util.List;

/**
 * The visible text of an HTML page with every character of markup (tags, comments, scripts, styles) replaced by a
 * space, so that offsets into the result are offsets into the file. Entities are left as they are. Tags are matched
 * without regard to case one character at a time: lower-casing the whole page would change its length (an
 * {@code İ} becomes two characters) and with it every offset after it.
 */
final class HtmlText {

    private static final List<String> BLOCK_TAGS = List.of("<p", "</p", "<br", "<div", "</div", "<h1", "<h2", "<h3",
            "<h4", "<li", "<tr");

    private HtmlText() {
    }

    static String blankOutMarkup(String html) {
        char[] chars = html.toCharArray();
        int i = 0;
        while (i < chars.length) {
            if (chars[i] != '<') {
                i++;
                continue;
            }
            int end = endOfMarkup(html, i);
            for (int j = i; j < end; j++) {
                // keep line breaks so that paragraphs and line numbers survive
                if (chars[j] != '\n') {
                    chars[j] = ' ';
                }
            }
            // block-level tags end a paragraph
            if (isBlockTag(html, i) && end < chars.length) {
                chars[i] = '\n';
                if (i + 1 < end) {
                    chars[i + 1] = '\n';
                }
            }
            i = end;
        }
        return new String(chars);
    }

    private static int endOfMarkup(String html, int start) {
        if (startsWith(html, "<!--", start)) {
            return indexAfter(html, "-->", start);
        }
        if (startsWith(html, "<script", start)) {
            return indexAfter(html, "</script>", start);
        }
        if (startsWith(html, "<style", start)) {
            return indexAfter(html, "</style>", start);
        }
        return indexAfter(html, ">", start);
    }

    /** The offset after the first {@code token} (any case) at or after {@code from}, else the end of the text. */
    private static int indexAfter(String text, String token, int from) {
        for (int at = text.indexOf(token.charAt(0), from); at >= 0; at = text.indexOf(token.charAt(0), at + 1)) {
            if (startsWith(text, token, at)) {
                return at + token.length();
            }
        }
        return text.length();
    }

    private static boolean startsWith(String text, String token, int at) {
        return text.regionMatches(true, at, token, 0, token.length());
    }

    private static boolean isBlockTag(String html, int start) {
        return BLOCK_TAGS.stream().anyMatch(tag -> startsWith(html, tag, start));
    }
}
