package io.noveltylens.core.exclude;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Citations in the styles writers use, and a trailing reference list. Numeric ("[12]", "[3, 5-7]"), author-year in
 * parentheses ("(Smith, 2003)", "(see Smith and Jones 2003, p. 4; Doe et al., 2010)") and the year after a name
 * ("Smith (2003) argues"), Pandoc's ("[@smith2003, p. 4]") and Markdown footnote marks ("[^1]"). The reference list
 * runs from the last line that is only a heading such as "References" or "Bibliography" to the end of the text.
 * LaTeX's citation commands are {@link LatexMarkup}'s.
 */
final class Citations {

    private static final String AUTHOR = "(?:(?:van|von|de|der|den|du|la|le|di|da|del)\\s+)*\\p{Lu}[\\p{L}'\u2019-]+";
    private static final String AUTHORS = AUTHOR + "(?:(?:,?\\s+(?:and|&)\\s+|,\\s*)" + AUTHOR
            + ")*(?:\\s+et\\s+al\\.?)?";
    private static final String YEAR = "(?:\\d{4}[a-z]?|n\\.d\\.)";
    private static final String LOCATOR = "(?:,\\s*(?:pp?\\.|ch\\.|chap\\.|sec\\.)?\\s*\\d+(?:[-\u2013]\\d+)?)?";
    private static final String ONE = AUTHORS + ",?\\s+" + YEAR + "(?:,\\s*" + YEAR + ")*" + LOCATOR;
    private static final String PREFIX = "(?:(?:see(?:\\s+also)?|cf\\.|e\\.g\\.,?)\\s+)?";

    private static final Pattern CITATION = Pattern.compile(
            "\\(" + PREFIX + ONE + "(?:;\\s*" + PREFIX + ONE + ")*\\)"
                    + "|\\[\\d+(?:\\s*[-\u2013,]\\s*\\d+)*\\]"
                    + "|\\[[^\\[\\]\\n]*?-?@[\\p{L}\\p{N}_][^\\[\\]\\n]*\\]"
                    + "|\\[\\^[^\\]\\s]+\\]");
    /** "Smith (2003)", "Doe et al. (2010, p. 4)": the parenthesis only, the name is part of the sentence. */
    private static final Pattern NARRATIVE = Pattern
            .compile("\\p{Lu}[\\p{L}'\u2019-]+(?:\\s+et\\s+al\\.)?\\s+(\\(" + YEAR + LOCATOR + "\\))");
    private static final Pattern REFERENCES_HEADING = Pattern.compile(
            "^[ \\t#*_]*(?:\\\\(?:section|chapter|subsection)\\*?\\{)?(?i:references|bibliography|works cited"
                    + "|literature cited|reference list|cited works)\\}?[ \\t:*_#]*$",
            Pattern.MULTILINE);

    private Citations() {
    }

    static void scan(Blanking blanking) {
        Matcher heading = REFERENCES_HEADING.matcher(blanking.text());
        int listStart = -1;
        while (heading.find()) {
            listStart = heading.start();
        }
        if (listStart >= 0) {
            String text = blanking.text();
            int end = text.length();
            while (end > listStart && Character.isWhitespace(text.charAt(end - 1))) {
                end--;
            }
            blanking.claim(listStart, end, ExcludedKind.REFERENCE_LIST);
        }
        Matcher citation = CITATION.matcher(blanking.text());
        while (citation.find()) {
            blanking.claim(citation.start(), citation.end(), ExcludedKind.CITATION);
        }
        Matcher narrative = NARRATIVE.matcher(blanking.text());
        while (narrative.find()) {
            blanking.claim(narrative.start(1), narrative.end(1), ExcludedKind.CITATION);
        }
    }
}
