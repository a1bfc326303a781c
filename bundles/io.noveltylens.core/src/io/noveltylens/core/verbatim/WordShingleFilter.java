package io.noveltylens.core.verbatim;

import java.io.IOException;
import java.util.ArrayDeque;

import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Turns a stream of words into one term per run of {@code size} consecutive words, the words joined by a space
 * (which no word contains): the shingle starting at word p sits at position p. Lucene's own ShingleFilter lives in
 * analysis-common, which core does not otherwise need.
 */
final class WordShingleFilter extends TokenFilter {

    private final int size;
    private final ArrayDeque<String> window;
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

    WordShingleFilter(TokenStream input, int size) {
        super(input);
        this.size = size;
        this.window = new ArrayDeque<>(size);
    }

    @Override
    public boolean incrementToken() throws IOException {
        while (input.incrementToken()) {
            if (window.size() == size) {
                window.removeFirst();
            }
            window.addLast(term.toString());
            if (window.size() == size) {
                term.setEmpty().append(String.join(" ", window));
                return true;
            }
        }
        return false;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        window.clear();
    }
}
