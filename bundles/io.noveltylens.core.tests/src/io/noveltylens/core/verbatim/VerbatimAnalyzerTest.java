package io.noveltylens.core.verbatim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
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

    /** Each shingle sits at the position of its first word, so phrases of shingles line up like phrases of words. */
    @Test
    void shingleFieldGetsEveryRunOfFiveWordsAtItsFirstWordsPosition() throws IOException {
        try (VerbatimAnalyzer analyzer = VerbatimAnalyzer.withShingles("shingles")) {
            assertEquals(List.of("0:to be or not to", "1:be or not to be", "2:or not to be that"),
                    terms(analyzer, "shingles", "To be, or not to be: that"));
            assertEquals(List.of(), terms(analyzer, "shingles", "Quite so, he said."));
            assertEquals(List.of("0:quite", "1:so"), terms(analyzer, "words", "Quite so"));
        }
    }

    private static List<String> terms(Analyzer analyzer, String field, String text) throws IOException {
        List<String> terms = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            stream.reset();
            int position = -1;
            while (stream.incrementToken()) {
                position += increment.getPositionIncrement();
                terms.add(position + ":" + term);
            }
            stream.end();
        }
        return terms;
    }
}
