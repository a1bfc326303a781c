package io.noveltylens.core.history;

import java.util.ArrayList;
import java.util.List;

import io.noveltylens.core.analysis.MatchLevel;

/** Made-up saves for the history tests: paragraphs named by a letter (their text hash) with a percentile. */
final class Readings {

    static final String CORPUS = "corpus-a";

    private Readings() {
    }

    /** A paragraph whose text hashes to {@code name}, of ten words, at {@code percentile}. */
    static ParagraphReading paragraph(String name, double percentile) {
        return new ParagraphReading(name, 0, 10, 10, percentile, 0.5, 0.0, MatchLevel.RELATED);
    }

    /** A save of paragraphs given as name, percentile, name, percentile... */
    static SaveReading save(long savedAt, Object... namesAndPercentiles) {
        List<ParagraphReading> paragraphs = new ArrayList<>();
        for (int i = 0; i < namesAndPercentiles.length; i += 2) {
            paragraphs.add(paragraph((String) namesAndPercentiles[i],
                    ((Number) namesAndPercentiles[i + 1]).doubleValue()));
        }
        return new SaveReading(savedAt, CORPUS, paragraphs);
    }
}
