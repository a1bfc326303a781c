package io.noveltylens.core.drafts;

import java.nio.file.Path;

import io.noveltylens.core.corpus.Provenance;

/**
 * The passage whose neighbours are asked for, so that the drafts store leaves it out of them: a writer analysing a
 * paragraph of chapter 3 wants to hear about chapter 7, not that chapter 3 contains that paragraph.
 *
 * @param file  the file the passage is in, or null when it comes from nowhere on disk
 * @param start its first character in that file
 * @param end   the character after its last
 * @param text  its text: a draft passage with the same text (whitespace aside) is left out wherever it is
 */
public record AnalysedPassage(Path file, int start, int end, String text) {

    /** A passage known only by its text (the command line's). */
    public static AnalysedPassage text(String text) {
        return new AnalysedPassage(null, 0, 0, text);
    }

    /** Whether {@code place} lies in the same file as this passage and shares at least one character with it. */
    boolean overlaps(Provenance place) {
        return file != null && Path.of(place.source()).equals(file.toAbsolutePath().normalize())
                && place.startOffset() < end && start < place.endOffset();
    }
}
