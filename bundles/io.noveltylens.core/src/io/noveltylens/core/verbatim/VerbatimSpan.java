package io.noveltylens.core.verbatim;

import java.util.List;

/**
 * A maximal stretch of the passage found verbatim in the corpus: words {@code firstWord} to
 * {@code firstWord + wordCount - 1}, characters {@code startOffset} (inclusive) to {@code endOffset} (exclusive) of the
 * passage's text. {@code documents} are up to {@link VerbatimOverlap#DOCUMENTS_PER_SPAN} corpus documents holding it;
 * for a stretch longer than {@link VerbatimOverlap#LONGEST_QUERY} words, every window of that many words occurs, and
 * the documents are those holding its first window.
 */
public record VerbatimSpan(int firstWord, int wordCount, int startOffset, int endOffset, List<Integer> documents) {

    public VerbatimSpan {
        documents = List.copyOf(documents);
    }
}
