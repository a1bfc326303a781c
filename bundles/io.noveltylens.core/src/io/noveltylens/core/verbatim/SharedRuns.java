package io.noveltylens.core.verbatim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.List;

/**
 * The runs of {@link VerbatimOverlap#SHORTEST} or more words that two texts share, found by the verbatim readout's
 * own run finding ({@link VerbatimOverlap}) with the other text as the whole corpus: the side-by-side reading of a
 * passage and a corpus passage highlights them in both. Words are compared as the verbatim readout compares them
 * ({@link VerbatimAnalyzer}: case and punctuation aside).
 */
public final class SharedRuns {

    private static final VerbatimAnalyzer ANALYZER = VerbatimAnalyzer.create();

    private SharedRuns() {
    }

    /** The maximal runs of {@code text} that occur in {@code other}, in text order, with offsets in {@code text}. */
    public static List<VerbatimSpan> in(String text, String other) {
        try {
            return new VerbatimOverlap(new OneText(ANALYZER.words(other).stream().map(Word::term).toList()), ANALYZER)
                    .measure(text).spans();
        } catch (IOException e) {
            throw new UncheckedIOException("Looking up words in memory cannot fail", e);
        }
    }

    /** A phrase index of one document, document 0: a scan of its words, quick for a passage's few hundred. */
    private record OneText(List<String> terms) implements PhraseIndex {

        @Override
        public int[] documentsWith(List<String> phrase, int max) {
            return max > 0 && Collections.indexOfSubList(terms, phrase) >= 0 ? new int[] { 0 } : new int[0];
        }
    }
}
