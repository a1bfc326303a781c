package io.noveltylens.core.corpus;

/**
 * The visible text of an HTML page with every character of markup (tags, comments, scripts, styles) replaced by a
 * space, so that offsets into the result are offsets into the file. Entities are left as they are.
 */
final class HtmlText {

    private HtmlText() {
    }

    static String blankOutMarkup(String html) {
        char[] chars = html.toCharArray();
        String lower = html.toLowerCase(java.util.Locale.ROOT);
        int i = 0;
        while (i < chars.length) {
            if (chars[i] != '<') {
                i++;
                continue;
            }
            int end = endOfMarkup(lower, i);
            for (int j = i; j < end; j++) {
                // keep line breaks so that paragraphs and line numbers survive
                if (chars[j] != '\n') {
                    chars[j] = ' ';
                }
            }
            // block-level tags end a paragraph
            if (isBlockTag(lower, i) && end < chars.length) {
                chars[i] = '\n';
                if (i + 1 < end) {
                    chars[i + 1] = '\n';
                }
            }
            i = end;
        }
        return new String(chars);
    }

    private static int endOfMarkup(String lower, int start) {
        if (lower.startsWith("<!--", start)) {
            return indexAfter(lower, "-->", start);
        }
        if (lower.startsWith("<script", start)) {
            return indexAfter(lower, "</script>", start);
        }
        if (lower.startsWith("<style", start)) {
            return indexAfter(lower, "</style>", start);
        }
        return indexAfter(lower, ">", start);
    }

    private static int indexAfter(String text, String token, int from) {
        int found = text.indexOf(token, from);
        return found < 0 ? text.length() : found + token.length();
    }

    private static boolean isBlockTag(String lower, int start) {
        for (String tag : new String[] { "<p", "</p", "<br", "<div", "</div", "<h1", "<h2", "<h3", "<h4", "<li",
                "<tr" }) {
            if (lower.startsWith(tag, start)) {
                return true;
            }
        }
        return false;
    }
}
