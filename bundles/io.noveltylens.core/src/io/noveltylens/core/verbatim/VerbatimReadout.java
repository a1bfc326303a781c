package io.noveltylens.core.verbatim;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * How much of a passage occurs verbatim in the corpus.
 *
 * @param wordCount the passage's words, as the {@link VerbatimAnalyzer} counts them
 * @param coverage one entry per L, from {@link VerbatimOverlap#SHORTEST} to {@link VerbatimOverlap#LONGEST}
 * @param spans the maximal matched stretches, in passage order
 */
public record VerbatimReadout(int wordCount, List<Coverage> coverage, List<VerbatimSpan> spans) {

    public VerbatimReadout {
        coverage = List.copyOf(coverage);
        spans = List.copyOf(spans);
    }

    /** The share of words in runs of at least {@code minWords} words found verbatim. */
    public double coverage(int minWords) {
        return coverage.stream().filter(c -> c.minWords() == minWords).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No coverage for L = " + minWords))
                .share();
    }

    /** The longest span, the first one on a tie. */
    public Optional<VerbatimSpan> longest() {
        return spans.stream().max(Comparator.comparingInt(VerbatimSpan::wordCount)
                .thenComparing(Comparator.comparingInt(VerbatimSpan::firstWord).reversed()));
    }

    public String explanation() {
        return VerbatimExplanation.of(this);
    }
}
