package io.noveltylens.core.annotate;

import io.noveltylens.core.corpus.Provenance;
import io.noveltylens.core.corpus.TextNormalization;

/**
 * What makes a passage already annotated in a results file: its place and a hash of its text as scored, so that a
 * passage edited since (same place, other text) or moved (same text, other place) is scored again on resume.
 */
public record PassageKey(String source, int start, int end, String textSha256) {

    public static PassageKey of(Provenance place, String scoredText) {
        return new PassageKey(place.source(), place.startOffset(), place.endOffset(),
                TextNormalization.sha256(scoredText));
    }
}
