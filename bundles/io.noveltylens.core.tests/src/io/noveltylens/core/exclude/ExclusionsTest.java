package io.noveltylens.core.exclude;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.noveltylens.test.support.TextLines;

/**
 * The masking on real Markdown and LaTeX samples (fixtures/exclusions), checked against oracles that share no code
 * with it: the text re-read at the ranges' offsets against a regular expression of what each kind looks like, counts
 * found by brute force on the file, the same file with CRLF line breaks, and the characters outside the ranges.
 */
class ExclusionsTest {

    private static final Exclusions ALL = Exclusions.DEFAULT.with(Exclusion.QUOTATIONS);

    /** What the text of a range of each kind is, written independently of the scanners. */
    private static final Map<ExcludedKind, Pattern> LOOKS_LIKE = Map.of(
            ExcludedKind.FRONT_MATTER, Pattern.compile("(?s)---\\R.*\\R---"),
            ExcludedKind.CODE_BLOCK, Pattern.compile(
                    "(?s)```.*```|( {4}[^\\n]*\\R?)+|\\\\begin\\{verbatim\\}.*\\\\end\\{verbatim\\}"),
            ExcludedKind.CODE_SPAN, Pattern.compile("`[^`]+`"),
            ExcludedKind.BLOCK_QUOTE, Pattern.compile("(>[^\\n]*\\R?)+"),
            ExcludedKind.QUOTATION, Pattern.compile("\"[^\"]+\"|\u201c[^\u201d]+\u201d|``[^']+''"),
            ExcludedKind.CITATION, Pattern.compile(
                    "\\[\\d+\\]|\\[\\^\\d+\\]|\\([A-Z][^()]*\\d{4}[^()]*\\)|\\(\\d{4}\\)|\\\\cite[a-z]*(\\[[^\\]]*\\])?\\{[^}]*\\}"),
            ExcludedKind.REFERENCE_LIST, Pattern.compile(
                    "(?s)## References\\R.*|\\\\begin\\{thebibliography\\}.*\\\\end\\{thebibliography\\}"),
            // markup never begins with a letter (it never eats the start of a word) nor ends in a space
            ExcludedKind.MARKUP, Pattern.compile("(?s)[^\\p{L}\\s](.*\\S)?"));

    @Test
    void everyRangeHoldsWhatItsKindLooksLike() throws IOException {
        for (String name : List.of("essay.md", "paper.tex")) {
            String text = fixture(name);
            for (ExcludedRange range : ALL.mask(text).excluded()) {
                String excluded = range.span().of(text);
                assertTrue(LOOKS_LIKE.get(range.kind()).matcher(excluded).matches(),
                        name + ": " + range.kind() + " at " + range.span() + " holds <" + excluded + ">");
            }
        }
    }

    /** Brute force: every fence pair, inline code, quotation and numbered citation of the file, counted by regex. */
    @Test
    void everyCodeBlockQuotationAndCitationOfTheMarkdownSampleIsFound() throws IOException {
        String text = fixture("essay.md");
        // link destinations and titles are markup, not quotations
        String outsideFences = text.replaceAll("(?s)```.*?```", "").replaceAll("\\]\\([^)]*\\)", "]");
        Map<ExcludedKind, Integer> counts = ALL.mask(text).counts();

        assertEquals(count("```", text) / 2 + 1, counts.get(ExcludedKind.CODE_BLOCK),
                "the fence and the indented block");
        assertEquals(count("`[^`\\n]+`", outsideFences), counts.get(ExcludedKind.CODE_SPAN));
        assertEquals(count("\"[^\"\\n]+\"", outsideFences.replaceAll("(?s)\\A---.*?---", ""))
                + count("\u201c[^\u201d]+\u201d", text), counts.get(ExcludedKind.QUOTATION));
        assertEquals(count("(?m)^>", text) > 0 ? 1 : 0, counts.get(ExcludedKind.BLOCK_QUOTE));
        assertEquals(1, counts.get(ExcludedKind.FRONT_MATTER));
        assertEquals(1, counts.get(ExcludedKind.REFERENCE_LIST));
        String body = text.substring(0, text.indexOf("## References"));
        assertEquals(count("\\[\\^?\\d+\\]|\\([^()]*\\d{4}[^()]*\\)", body), counts.get(ExcludedKind.CITATION));
    }

    @Test
    void outsideTheRangesEveryCharacterIsKeptAndInsideOnlyLineBreaks() throws IOException {
        for (String name : List.of("essay.md", "paper.tex")) {
            String text = fixture(name);
            for (Exclusions exclusions : List.of(Exclusions.DEFAULT, ALL, Exclusions.NONE)) {
                MaskedText masked = exclusions.mask(text);
                boolean[] inRange = new boolean[text.length()];
                masked.excluded().forEach(r -> java.util.Arrays.fill(inRange, r.span().start(), r.span().end(), true));
                assertEquals(text.length(), masked.analysed().length());
                for (int i = 0; i < text.length(); i++) {
                    char original = text.charAt(i);
                    char analysed = masked.analysed().charAt(i);
                    char expected = !inRange[i] || original == '\n' || original == '\r' ? original : ' ';
                    assertEquals(expected, analysed, name + " " + exclusions + " at " + i);
                }
            }
        }
    }

    /** The same document with CRLF breaks: the same ranges, each shifted by the lines before it. */
    @Test
    void crlfLineBreaksShiftTheRangesByOneCharacterALine() throws IOException {
        for (String name : List.of("essay.md", "paper.tex")) {
            String lf = fixture(name);
            String crlf = lf.replace("\n", "\r\n");
            List<ExcludedRange> expected = new ArrayList<>();
            for (ExcludedRange range : ALL.mask(lf).excluded()) {
                int start = range.span().start() + count("\n", lf.substring(0, range.span().start()));
                int end = range.span().end() + count("\n", lf.substring(0, range.span().end()));
                expected.add(new ExcludedRange(new io.noveltylens.core.corpus.TextSpan(start, end), range.kind()));
            }
            assertEquals(expected, ALL.mask(crlf).excluded(), name);
        }
    }

    @Test
    void noMarkupCharacterOutlivesTheMasking() throws IOException {
        String markdown = Exclusions.DEFAULT.mask(fixture("essay.md")).analysed();
        for (String syntax : List.of("*", "#", "`", "](", "![", "https://", "<span>", "> ", "\n1. ", "_emphasis")) {
            assertFalse(markdown.contains(syntax), syntax);
        }
        String latex = Exclusions.DEFAULT.mask(fixture("paper.tex")).analysed();
        for (String syntax : List.of("\\", "{", "}", "$", "~", "a comment")) {
            assertFalse(latex.contains(syntax), syntax);
        }
    }

    /** The prose a reader reads stays where it was: words found at the same offset in the original and the result. */
    @Test
    void proseStaysAtItsOffsets() throws IOException {
        for (String name : List.of("essay.md", "paper.tex")) {
            String text = fixture(name);
            String analysed = ALL.mask(text).analysed();
            Matcher words = Pattern.compile("\\b(?:absorbs|widely|ancestors|disagrees|nothing new|emphasis|bold"
                    + "|Introduction|measure|otherwise|passages score below)\\b").matcher(text);
            int found = 0;
            while (words.find()) {
                boolean quoted = ALL.mask(text).excluded().stream().anyMatch(r -> r.span().start() <= words.start()
                        && words.end() <= r.span().end() && r.kind() != ExcludedKind.MARKUP);
                if (!quoted) {
                    assertEquals(words.group(), analysed.substring(words.start(), words.end()), name);
                    found++;
                }
            }
            assertTrue(found >= 4, name + ": " + found);
        }
    }

    @Test
    void plainTextWithIndentedVerseKeepsTheVerse() {
        String text = "She wrote to him at once:\n\n    My dear sir, I have your letter.\n    It came today.\n\nHe read it twice.";

        assertEquals(List.of(), Exclusions.DEFAULT.mask(text).excluded());
        assertEquals(1, Exclusions.DEFAULT.mask("# Notes\n\n" + text).counts().get(ExcludedKind.CODE_BLOCK),
                "in a Markdown document the indented block is code");
    }

    /**
     * The default corpus is plain-text books indexed as written: a passage of one, analysed with the default
     * exclusions, must be the text the corpus holds, underscores of italics and all, or it is calibrated against text
     * it no longer resembles. A Markdown text keeps losing its emphasis delimiters.
     */
    @Test
    void plainTextBooksLoseNothingAndMarkdownLosesItsEmphasis() throws IOException {
        List<String> austen = TextLines.read(Path.of("fixtures/austen-1500.txt.gz"));
        List<String> italics = austen.stream().filter(line -> line.matches(".*\\b_\\w[^_]*_.*")).toList();
        assertTrue(italics.size() > 50, "the fixture has italics: " + italics.size());
        for (String line : austen) {
            assertEquals(List.of(), Exclusions.DEFAULT.mask(line).excluded(), line);
        }
        String markdown = italics.get(0) + " See [the notes](notes.md).";
        String analysed = Exclusions.DEFAULT.mask(markdown).analysed();
        assertEquals(markdown.replace("_", " ").replace("[", " ").replace("](notes.md)", "           "), analysed);
    }

    @Test
    void aQuotationThatRunsOverTheParagraphLeavesNothingOut() {
        String dialogue = "\u201cI went to the town,\u201d she said. \u201cIt was empty.\n\n\u201cNobody came back.\u201d";

        MaskedText masked = ALL.mask(dialogue);

        assertEquals(List.of("\u201cI went to the town,\u201d", "\u201cNobody came back.\u201d"),
                masked.excluded().stream().map(r -> r.span().of(dialogue)).toList());
    }

    @Test
    void whatIsLeftOutIsSummedUpAndEverythingLeftOutIsNoticed() {
        MaskedText quoted = ALL.mask("\"Stop here.\" \"And here.\"");

        assertTrue(quoted.nothingLeft());
        assertEquals("2 quotations", quoted.summary());
        assertFalse(Exclusions.DEFAULT.mask("\"Stop here.\" \"And here.\"").nothingLeft());
        assertEquals("", Exclusions.NONE.mask("# Title *x*").summary());
    }

    @Test
    void theCommandLineNamesReadBack() {
        assertEquals(Exclusions.DEFAULT, Exclusions.parse(Exclusions.DEFAULT.toString()));
        assertEquals(Exclusions.NONE, Exclusions.parse("none"));
        assertEquals(ALL, Exclusions.parse("quotations, markup,front-matter,code,citations"));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> Exclusions.parse("markup,quotes"));
        assertTrue(unknown.getMessage().contains("'quotes'") && unknown.getMessage().contains("front-matter"),
                unknown.getMessage());
    }

    private static int count(String regex, String text) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }

    private static String fixture(String name) throws IOException {
        return Files.readString(Path.of("fixtures", "exclusions", name), StandardCharsets.UTF_8);
    }
}
