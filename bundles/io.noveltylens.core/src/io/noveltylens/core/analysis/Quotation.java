package io.noveltylens.core.analysis;

/**
 * The longest run of a passage's words found verbatim in the corpus, when it is long enough to be a quotation rather
 * than a common phrase: the headline names it even when it is a small part of the passage, because it is the most
 * important fact about it.
 *
 * @param words  the run's length in words
 * @param source where the corpus holds it, as "source:line"
 */
public record Quotation(int words, String source) {

    /** Runs this long are quotations: the threshold of {@link Verdict#QUOTED}'s coverage. */
    public static final int MIN_WORDS = 8;
}
