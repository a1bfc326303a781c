package io.noveltylens.core.verbatim;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The verbatim part of the Creativity Index (Lu et al. 2024, "AI as Humanity's Salieri: Quantifying Linguistic
 * Creativity of Language Models via Systematic Attribution of Machine Text against Web Text"): which words of a
 * passage lie in a sequence of at least L words that occurs verbatim in the corpus, for L = {@value #SHORTEST} to
 * {@value #LONGEST}, with the matched stretches. Thread-safe when its index and analyzer are (Lucene's are).
 * <p>
 * For every start i it finds m(i), the longest run words[i..i+m(i)-1] that occurs in the corpus. A run that occurs
 * contains runs that occur, so m(i) >= m(i-1) - 1 and the search at i resumes from there: every query either fails
 * (at most once per start) or moves the furthest end i + m(i) further, so a passage of W words costs at most 2W
 * occurrence queries plus one document lookup per span, not W^2. Runs shorter than {@value #SHORTEST} words do not
 * count for any L, so they are never asked about (which also spares the index the most common short phrases). m is capped at {@value #LONGEST_QUERY} words to bound
 * the length of one query; a longer copied stretch shows up as overlapping {@value #LONGEST_QUERY}-word matches that
 * {@link VerbatimSpan} reports as one.
 */
public final class VerbatimOverlap {

    /** The smallest L: Lu et al. 2024 report L-uniqueness for L = 5 to 12. */
    public static final int SHORTEST = 5;

    public static final int LONGEST = 12;

    /** The cap on m(i), in words. */
    public static final int LONGEST_QUERY = 64;

    /** How many corpus documents a span names at most. */
    public static final int DOCUMENTS_PER_SPAN = 5;

    private final PhraseIndex index;
    private final VerbatimAnalyzer analyzer;

    public VerbatimOverlap(PhraseIndex index, VerbatimAnalyzer analyzer) {
        this.index = index;
        this.analyzer = analyzer;
    }

    public VerbatimReadout measure(String passage) throws IOException {
        List<Word> words = analyzer.words(passage);
        List<String> terms = words.stream().map(Word::term).toList();
        int[] match = longestMatches(terms);
        List<Coverage> coverage = IntStream.rangeClosed(SHORTEST, LONGEST)
                .mapToObj(length -> new Coverage(length, share(match, length))).toList();
        return new VerbatimReadout(words.size(), coverage, spans(words, terms, match));
    }

    /** m(i) for every start i, or 0 where the longest run from i is shorter than {@link #SHORTEST} words. */
    private int[] longestMatches(List<String> terms) throws IOException {
        int[] match = new int[terms.size()];
        for (int i = 0; i + SHORTEST <= terms.size(); i++) {
            int length = i > 0 ? match[i - 1] - 1 : 0;
            if (length < SHORTEST) {
                if (!index.occurs(terms.subList(i, i + SHORTEST))) {
                    continue;
                }
                length = SHORTEST;
            }
            while (length < LONGEST_QUERY && i + length < terms.size()
                    && index.occurs(terms.subList(i, i + length + 1))) {
                length++;
            }
            match[i] = length;
        }
        return match;
    }

    /** The share of words w with i <= w < i + m(i) for some start i with m(i) >= {@code length}. */
    private static double share(int[] match, int length) {
        if (match.length == 0) {
            return 0;
        }
        int covered = 0;
        int reach = 0;
        for (int w = 0; w < match.length; w++) {
            if (match[w] >= length) {
                reach = Math.max(reach, w + match[w]);
            }
            if (w < reach) {
                covered++;
            }
        }
        return (double) covered / match.length;
    }

    /**
     * The maximal matches: runs (i, m(i)) not inside another one. Since i + m(i) never decreases along matched starts,
     * these are the starts whose run ends further than every run before. A capped run and the runs that continue it
     * are merged into one span.
     */
    private List<VerbatimSpan> spans(List<Word> words, List<String> terms, int[] match) throws IOException {
        List<VerbatimSpan> spans = new ArrayList<>();
        int start = -1;
        int end = 0;
        for (int i = 0; i < match.length; i++) {
            if (match[i] == 0 || i + match[i] <= end) {
                continue;
            }
            boolean continuesCappedRun = start >= 0 && match[start] == LONGEST_QUERY && i < end;
            if (!continuesCappedRun) {
                if (start >= 0) {
                    spans.add(span(words, terms, start, end, match[start]));
                }
                start = i;
            }
            end = i + match[i];
        }
        if (start >= 0) {
            spans.add(span(words, terms, start, end, match[start]));
        }
        return spans;
    }

    private VerbatimSpan span(List<Word> words, List<String> terms, int start, int end, int firstRun)
            throws IOException {
        int[] documents = index.documentsWith(terms.subList(start, start + firstRun), DOCUMENTS_PER_SPAN);
        return new VerbatimSpan(start, end - start, words.get(start).startOffset(), words.get(end - 1).endOffset(),
                Arrays.stream(documents).boxed().toList());
    }
}
