package io.noveltylens.core.history;

import java.util.List;

/**
 * One point of a document's novelty history: when it was saved, which corpus and model read it, and its paragraphs'
 * readouts in document order.
 *
 * @param savedAtMillis when the document was saved, milliseconds since the epoch
 * @param corpus        {@link CorpusFingerprint} of the corpus and model that read it: only points of one corpus are
 *                      drawn on one line
 * @param paragraphs    the paragraphs that had words left to analyse, in document order
 */
public record SaveReading(long savedAtMillis, String corpus, List<ParagraphReading> paragraphs) {

    public SaveReading {
        paragraphs = List.copyOf(paragraphs);
    }

    /**
     * The document's novelty at this save: the mean of its paragraphs' density percentiles weighted by their words,
     * so that a one-line heading weighs less than a page; NaN when no paragraph was read.
     */
    public double novelty() {
        double weighted = 0;
        long words = 0;
        for (ParagraphReading paragraph : paragraphs) {
            weighted += paragraph.percentile() * paragraph.words();
            words += paragraph.words();
        }
        return words == 0 ? Double.NaN : weighted / words;
    }
}
