package io.noveltylens.core.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.noveltylens.core.embed.FixtureTexts;

/** Sentences as a reader sees them: abbreviations and initials do not end one, offsets point at the visible text. */
class SentenceSplitterTest {

    /** A sentence that ends in one of these abbreviations was cut after a title, not at its end. */
    private static final Pattern ENDS_IN_TITLE = Pattern.compile("(?<!\\p{L})(Mr|Mrs|Dr|St)\\.$");

    private static List<String> split(String text) {
        return SentenceSplitter.sentences(text).stream().map(span -> span.of(text)).toList();
    }

    @Test
    void mrAndMrsDoNotEndASentence() {
        assertEquals(List.of("Mrs. Pell read the line aloud.", "Mr. Darcy smiled."),
                split("Mrs. Pell read the line aloud. Mr. Darcy smiled."));
    }

    @Test
    void titlesAndLatinAbbreviationsDoNotEndASentence() {
        assertEquals(List.of("Dr. Watson came in.", "We met at St. Paul's.",
                "Bring fruit, e.g. apples, and tools, i.e. hammers.", "Prof. Moriarty and Capt. Nemo left."),
                split("Dr. Watson came in. We met at St. Paul's. Bring fruit, e.g. apples, and tools, i.e. hammers. "
                        + "Prof. Moriarty and Capt. Nemo left."));
    }

    @Test
    void initialsDoNotEndASentenceButSaidIDoes() {
        assertEquals(List.of("J. R. R. Tolkien wrote it.", "Mr. J. Smith read it.", "\"No,\" said I.",
                "\"It is late.\""),
                split("J. R. R. Tolkien wrote it. Mr. J. Smith read it. \"No,\" said I. \"It is late.\""));
    }

    @Test
    void aWordInCapitalsStillEndsASentence() {
        // only a letter standing alone is an initial: "HIM." ends in "M." but is no initial
        assertEquals(List.of("It was HIM.", "He laughed."), split("It was HIM. He laughed."));
    }

    @Test
    void questionsExclamationsAndQuotesEndWithTheirClosingMarks() {
        assertEquals(List.of("He said \"Stop.\"", "Was it late?", "It was!", "(See Dr. Bell.)",
                "\"Good morning, Mr. Holmes,\" said he.", "'Quite so!'"),
                split("He said \"Stop.\" Was it late? It was! (See Dr. Bell.) \"Good morning, Mr. Holmes,\" said he. "
                        + "'Quite so!'"));
    }

    @Test
    void sentencesAreTrimmedSpans() {
        String text = "  First one. Second one?  Third!\n";
        assertEquals(List.of(new TextSpan(2, 12), new TextSpan(13, 24), new TextSpan(26, 32)),
                SentenceSplitter.sentences(text));
        assertEquals(List.of("First one.", "Second one?", "Third!"), split(text));
        assertEquals(List.of(), SentenceSplitter.sentences(" \n\t "));
    }

    @Test
    void aWrappedLineGoesOnAndABlankLineEndsASentence() {
        String text = "It was the best of times, it was\nthe worst of times. Mr.\r\nDarcy came.\n\nChapter 2\n\nA new day.";
        assertEquals(List.of("It was the best of times, it was\nthe worst of times.", "Mr.\r\nDarcy came.",
                "Chapter 2", "A new day."), split(text));
    }

    @Test
    void aRangeGivesSpansOfTheWholeText() {
        String text = "Not this. Mrs. Pell read. Mr. Darcy smiled. Nor this.";
        int from = text.indexOf("Mrs.");
        int to = text.indexOf(" Nor");
        List<TextSpan> spans = SentenceSplitter.sentences(text, from, to);
        assertEquals(List.of(new TextSpan(from, text.indexOf(" Mr.")), new TextSpan(text.indexOf("Mr."), to)), spans);
        assertEquals(List.of("Mrs. Pell read.", "Mr. Darcy smiled."),
                spans.stream().map(span -> span.of(text)).toList());
    }

    /**
     * Real prose, one passage a line: no sentence may end in a title. The JDK's iterator, which this splitter replaced,
     * cut 871 sentences after one in these passages.
     */
    @Test
    void noSentenceOfRealProseEndsInATitle() {
        List<String> cut = new ArrayList<>();
        int passages = 0;
        int sentences = 0;
        for (String source : List.of("austen-1500", "sherlock-200", "sotu-1000")) {
            for (String passage : FixtureTexts.lines(source, Integer.MAX_VALUE)) {
                passages++;
                for (String sentence : split(passage)) {
                    sentences++;
                    if (ENDS_IN_TITLE.matcher(sentence).find()) {
                        cut.add(source + ": " + sentence);
                    }
                }
            }
        }
        assertEquals(List.of(), cut.subList(0, Math.min(cut.size(), 5)), cut.size() + " sentences end in a title");
        // and the passages are still cut into sentences (about three a passage), not kept whole
        assertTrue(sentences > 2 * passages, sentences + " sentences in " + passages + " passages");
    }

    @Test
    void threadsSplittingAtOnceGetWhatOneThreadGets() {
        List<String> passages = FixtureTexts.lines("austen-1500", 400);
        List<List<TextSpan>> alone = passages.stream().map(SentenceSplitter::sentences).toList();
        assertEquals(alone, passages.parallelStream().map(SentenceSplitter::sentences).toList());
    }
}
