package io.noveltylens.core.history;

import io.noveltylens.core.analysis.MatchLevel;

/**
 * One paragraph of a saved document as the analysis read it: where it stood in the saved text, a short hash of its
 * text (to recognise it in another save without keeping the text), and its headline readouts.
 *
 * @param hash             {@link TextHash} of the paragraph's text
 * @param start            offset of its first character in the saved text
 * @param end              offset after its last character
 * @param words            its word count, the weight of its percentile in {@link SaveReading#novelty()}
 * @param percentile       calibrated density percentile (0-100, higher = more novel), as the view's headline
 * @param nearestCosine    cosine similarity of its nearest corpus passage
 * @param verbatimCoverage share of its words in runs found verbatim in the corpus
 * @param level            its match level
 */
public record ParagraphReading(String hash, int start, int end, int words, double percentile, double nearestCosine,
        double verbatimCoverage, MatchLevel level) {
}
