package io.noveltylens.core.exclude;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * LaTeX's code, citations, reference list and markup, by a scanner of regular expressions: no maintained Java library
 * parses LaTeX (docs/readouts.md, Exclusions). In order, each on what the ones before left: verbatim environments
 * (code), the bibliography and citation commands, comments, math, commands whose arguments are not prose (labels,
 * references, URLs, file names, definitions, environment markers), then every other command's name with its optional
 * argument, braces and ties: of {@code \emph{new} idea} the words "new idea" stay.
 */
final class LatexMarkup {

    /** A text is read as LaTeX when it uses one of these commands; Markdown prose never does. */
    private static final Pattern SIGNAL = Pattern.compile(
            "\\\\(?:documentclass|usepackage|begin|section|subsection|chapter|cite[a-zA-Z]*|emph|textbf|textit"
                    + "|footnote|label|ref)(?![a-zA-Z])");
    /** An optional argument, then a braced one with one level of nested braces. */
    private static final String OPTIONAL = "(?:\\[[^\\]\\n]*\\])";
    private static final String BRACED = "\\{[^{}]*(?:\\{[^{}]*\\}[^{}]*)*\\}";

    private static final Pattern VERBATIM = Pattern.compile(
            "\\\\begin\\{(verbatim|Verbatim|lstlisting|minted|comment)\\*?\\}.*?(?:\\\\end\\{\\1\\*?\\}|\\z)",
            Pattern.DOTALL);
    private static final Pattern INLINE_CODE = Pattern.compile("\\\\(?:verb|lstinline)\\*?([^a-zA-Z\\s*]).*?\\1");
    private static final Pattern BIBLIOGRAPHY = Pattern.compile(
            "\\\\begin\\{thebibliography\\}.*?(?:\\\\end\\{thebibliography\\}|\\z)|\\\\printbibliography" + OPTIONAL
                    + "?|\\\\bibliography\\{[^}]*\\}",
            Pattern.DOTALL);
    private static final Pattern CITE = Pattern
            .compile("\\\\(?:[a-zA-Z]*cite[a-zA-Z]*|nocite)\\*?" + OPTIONAL + "{0,2}\\{[^}]*\\}");
    private static final Pattern COMMENT = Pattern.compile("(?<!\\\\)%[^\\n\\r]*");
    private static final Pattern MATH = Pattern.compile(
            "\\\\begin\\{(equation|align|gather|multline|eqnarray|displaymath|math|flalign)(\\*?)\\}.*?\\\\end\\{\\1\\2\\}"
                    + "|\\$\\$.+?\\$\\$|(?<!\\\\)\\$(?:[^$\\\\]|\\\\.)+?\\$|\\\\\\[.+?\\\\\\]|\\\\\\(.+?\\\\\\)",
            Pattern.DOTALL);
    /** All of the arguments on the command's line; of {@code \\href{url}{text}} only the URL, the text is prose. */
    private static final Pattern NOT_PROSE = Pattern.compile("\\\\(?:label|ref|eqref|pageref|cref|Cref|autoref|url"
            + "|includegraphics|input|include|usepackage|documentclass|bibliographystyle|addbibresource|newcommand"
            + "|renewcommand|providecommand|newenvironment|setlength|setcounter|addtolength|vspace|hspace|begin|end"
            + "|hypersetup|graphicspath)(?![a-zA-Z])\\*?(?:[ \\t]*(?:" + OPTIONAL + "|" + BRACED + "))*"
            + "|\\\\href\\{[^}]*\\}");
    private static final Pattern COMMAND = Pattern.compile("\\\\[a-zA-Z]+\\*?" + OPTIONAL + "?|\\\\[\\\\,;:! ]");
    /** The backslash of an escaped special character: the character itself is text ("50\% of"). */
    private static final Pattern ESCAPE = Pattern.compile("\\\\(?=[%&$#_{}])");
    private static final Pattern BRACES_AND_TIES = Pattern.compile("(?<!\\\\)[{}~]");

    private LatexMarkup() {
    }

    static boolean isLatex(String text) {
        return SIGNAL.matcher(text).find();
    }

    static void scan(Blanking blanking, Exclusions exclusions) {
        boolean markup = exclusions.excludes(Exclusion.MARKUP);
        if (exclusions.excludes(Exclusion.CODE)) {
            claimAll(blanking, VERBATIM, ExcludedKind.CODE_BLOCK);
            claimAll(blanking, INLINE_CODE, ExcludedKind.CODE_SPAN);
        }
        if (exclusions.excludes(Exclusion.CITATIONS)) {
            claimAll(blanking, BIBLIOGRAPHY, ExcludedKind.REFERENCE_LIST);
            claimAll(blanking, CITE, ExcludedKind.CITATION);
        }
        if (!markup) {
            return;
        }
        claimAll(blanking, CITE, ExcludedKind.MARKUP);
        for (Pattern pattern : new Pattern[] { COMMENT, MATH, NOT_PROSE, COMMAND, ESCAPE, BRACES_AND_TIES }) {
            claimAll(blanking, pattern, ExcludedKind.MARKUP);
        }
    }

    private static void claimAll(Blanking blanking, Pattern pattern, ExcludedKind kind) {
        Matcher matcher = pattern.matcher(blanking.text());
        while (matcher.find()) {
            blanking.claim(matcher.start(), matcher.end(), kind);
        }
    }
}
