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
    private static final Pattern ENDS_IN_TITLE = Pattern.compile("(?<!\\p{L})(Mr|Mrs|Dr|St)\\.$"); //$NON-NLS-1$

    private static List<String> split(String text) {
        return SentenceSplitter.sentences(text).stream().map(span -> span.of(text)).toList();
    }

    @Test
    void mrAndMrsDoNotEndASentence() {
        assertEquals(List.of("Mrs. Pell read the line aloud.", "Mr. Darcy smiled."), //$NON-NLS-1$ //$NON-NLS-2$
                split("Mrs. Pell read the line aloud. Mr. Darcy smiled.")); //$NON-NLS-1$
    }

    @Test
    void titlesAndLatinAbbreviationsDoNotEndASentence() {
        assertEquals(List.of("Dr. Watson came in.", "We met at St. Paul's.", //$NON-NLS-1$ //$NON-NLS-2$
                "Bring fruit, e.g. apples, and tools, i.e. hammers.", "Prof. Moriarty and Capt. Nemo left."), //$NON-NLS-1$ //$NON-NLS-2$
                split("Dr. Watson came in. We met at St. Paul's. Bring fruit, e.g. apples, and tools, i.e. hammers. " //$NON-NLS-1$
                        + "Prof. Moriarty and Capt. Nemo left.")); //$NON-NLS-1$
    }

    @Test
    void initialsDoNotEndASentenceButSaidIDoes() {
        assertEquals(List.of("J. R. R. Tolkien wrote it.", "Mr. J. Smith read it.", "\"No,\" said I.", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
                "\"It is late.\""), //$NON-NLS-1$
                split("J. R. R. Tolkien wrote it. Mr. J. Smith read it. \"No,\" said I. \"It is late.\"")); //$NON-NLS-1$
    }

    @Test
    void aWordInCapitalsStillEndsASentence() {
        // only a letter standing alone is an initial: "HIM." ends in "M." but is no initial
        assertEquals(List.of("It was HIM.", "He laughed."), split("It was HIM. He laughed.")); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
    }

    @Test
    void questionsExclamationsAndQuotesEndWithTheirClosingMarks() {
        assertEquals(List.of("He said \"Stop.\"", "Was it late?", "It was!", "(See Dr. Bell.)", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
                "\"Good morning, Mr. Holmes,\" said he.", "'Quite so!'"), //$NON-NLS-1$ //$NON-NLS-2$
                split("He said \"Stop.\" Was it late? It was! (See Dr. Bell.) \"Good morning, Mr. Holmes,\" said he. " //$NON-NLS-1$
                        + "'Quite so!'")); //$NON-NLS-1$
    }

    @Test
    void sentencesAreTrimmedSpans() {
        String text = "  First one. Second one?  Third!\n"; //$NON-NLS-1$
        assertEquals(List.of(new TextSpan(2, 12), new TextSpan(13, 24), new TextSpan(26, 32)),
                SentenceSplitter.sentences(text));
        assertEquals(List.of("First one.", "Second one?", "Third!"), split(text)); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
        assertEquals(List.of(), SentenceSplitter.sentences(" \n\t ")); //$NON-NLS-1$
    }

    @Test
    void aWrappedLineGoesOnAndABlankLineEndsASentence() {
        String text = "It was the best of times, it was\nthe worst of times. Mr.\r\nDarcy came.\n\nChapter 2\n\nA new day."; //$NON-NLS-1$
        assertEquals(List.of("It was the best of times, it was\nthe worst of times.", "Mr.\r\nDarcy came.", //$NON-NLS-1$ //$NON-NLS-2$
                "Chapter 2", "A new day."), split(text)); //$NON-NLS-1$ //$NON-NLS-2$
    }

    @Test
    void aRangeGivesSpansOfTheWholeText() {
        String text = "Not this. Mrs. Pell read. Mr. Darcy smiled. Nor this."; //$NON-NLS-1$
        int from = text.indexOf("Mrs."); //$NON-NLS-1$
        int to = text.indexOf(" Nor"); //$NON-NLS-1$
        List<TextSpan> spans = SentenceSplitter.sentences(text, from, to);
        assertEquals(List.of(new TextSpan(from, text.indexOf(" Mr.")), new TextSpan(text.indexOf("Mr."), to)), spans); //$NON-NLS-1$ //$NON-NLS-2$
        assertEquals(List.of("Mrs. Pell read.", "Mr. Darcy smiled."), spans.stream().map(span -> span.of(text)).toList()); //$NON-NLS-1$ //$NON-NLS-2$
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
        for (String source : List.of("austen-1500", "sherlock-200", "sotu-1000")) { //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
            for (String passage : FixtureTexts.lines(source, Integer.MAX_VALUE)) {
                passages++;
                for (String sentence : split(passage)) {
                    sentences++;
                    if (ENDS_IN_TITLE.matcher(sentence).find()) {
                        cut.add(source + ": " + sentence); //$NON-NLS-1$
                    }
                }
            }
        }
        assertEquals(List.of(), cut.subList(0, Math.min(cut.size(), 5)), cut.size() + " sentences end in a title"); //$NON-NLS-1$
        // and the passages are still cut into sentences (about three a passage), not kept whole
        assertTrue(sentences > 2 * passages, sentences + " sentences in " + passages + " passages"); //$NON-NLS-1$ //$NON-NLS-2$
    }

    @Test
    void threadsSplittingAtOnceGetWhatOneThreadGets() {
        List<String> passages = FixtureTexts.lines("austen-1500", 400); //$NON-NLS-1$
        List<List<TextSpan>> alone = passages.stream().map(SentenceSplitter::sentences).toList();
        assertEquals(alone, passages.parallelStream().map(SentenceSplitter::sentences).toList());
    }
}
