package io.noveltylens.core.verbatim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class VerbatimAnalyzerTest {

    @Test
    void wordsAreLowerCasedWithOffsetsIntoTheOriginalText() {
        String text = "Don\u2019t STOP\u2014the mother-in-law's caf\u00e9, 1999!";
        List<Word> words = VerbatimAnalyzer.create().words(text);
        assertEquals(List.of("don't", "stop", "the", "mother", "in", "law's", "caf\u00e9", "1999"),
                words.stream().map(Word::term).toList());
        assertEquals(List.of("Don\u2019t", "STOP", "the", "mother", "in", "law's", "caf\u00e9", "1999"),
                words.stream().map(w -> text.substring(w.startOffset(), w.endOffset())).toList());
    }

    @Test
    void stopWordsAreKept() {
        assertEquals(List.of("to", "be", "or", "not", "to", "be"),
                VerbatimAnalyzer.create().words("To be, or not to be").stream().map(Word::term).toList());
    }
}
