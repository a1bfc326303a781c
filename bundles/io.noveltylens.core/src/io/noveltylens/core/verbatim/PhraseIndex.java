package io.noveltylens.core.verbatim;

import java.io.IOException;
import java.util.List;

/**
 * Where a sequence of words occurs verbatim (consecutive positions, in order) in the corpus. Words are terms as the
 * {@link VerbatimAnalyzer} produces them. Kept apart from Lucene so that {@link VerbatimOverlap} can be checked
 * against a brute-force index.
 */
public interface PhraseIndex {

    /** Up to {@code max} documents holding the phrase, in increasing order of document number. */
    int[] documentsWith(List<String> terms, int max) throws IOException;

    default boolean occurs(List<String> terms) throws IOException {
        return documentsWith(terms, 1).length > 0;
    }
}
