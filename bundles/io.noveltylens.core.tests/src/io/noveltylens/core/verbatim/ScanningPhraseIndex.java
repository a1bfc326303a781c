package io.noveltylens.core.verbatim;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The brute-force oracle: documents as plain word lists, a phrase found by scanning every document for it
 * ({@link Collections#indexOfSubList}). Counts the questions asked, to check the query bound of
 * {@link VerbatimOverlap}.
 */
final class ScanningPhraseIndex implements PhraseIndex {

    private final List<List<String>> documents;
    private int queries;

    ScanningPhraseIndex(List<String> texts, VerbatimAnalyzer analyzer) {
        documents = texts.stream().map(text -> analyzer.words(text).stream().map(Word::term).toList()).toList();
    }

    @Override
    public int[] documentsWith(List<String> terms, int max) {
        queries++;
        return IntStream.range(0, documents.size())
                .filter(d -> Collections.indexOfSubList(documents.get(d), terms) >= 0).limit(max).toArray();
    }

    int queries() {
        return queries;
    }

    /** Oracle for coverage at L: a word is covered iff some L-word window containing it occurs. */
    double coverage(List<String> passage, int length) {
        boolean[] covered = new boolean[passage.size()];
        for (int i = 0; i + length <= passage.size(); i++) {
            if (documentsWith(passage.subList(i, i + length), 1).length > 0) {
                Arrays.fill(covered, i, i + length, true);
            }
        }
        int count = 0;
        for (boolean c : covered) {
            count += c ? 1 : 0;
        }
        return passage.isEmpty() ? 0 : (double) count / passage.size();
    }
}
