package io.noveltylens.core.annotate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.noveltylens.core.corpus.Passage;
import io.noveltylens.core.corpus.Provenance;
import io.noveltylens.core.corpus.TextSpan;
import io.noveltylens.core.exclude.ExcludedRange;
import io.noveltylens.core.exclude.Exclusions;
import io.noveltylens.core.exclude.MaskedText;

/**
 * The passages of a file with what the exclusions leave out of each. The exclusions read structure that spans
 * passages (a code fence or front matter cut into lines or paragraphs, a LaTeX document whose preamble says it is
 * one), so the whole file is masked once, as the editor heatmap masks a document, and each passage takes its slice.
 * Where the passages are not slices of the file's text as UTF-8 (HTML, JSON Lines, gzip: the reader extracted
 * them), each passage is masked on its own, as the Novelty view masks a selection.
 */
final class PassageMasks {

    private PassageMasks() {
    }

    static List<MaskedText> of(Path file, List<Passage> passages, Exclusions exclusions) {
        String whole = exclusions.on().isEmpty() ? null : textIfSliced(file, passages);
        if (whole == null) {
            return passages.stream().map(passage -> exclusions.mask(passage.text())).toList();
        }
        MaskedText masked = exclusions.mask(whole);
        return passages.stream().map(passage -> slice(masked, passage.provenance())).toList();
    }

    /** The file's text when every passage is the text at its offsets, else null. */
    private static String textIfSliced(Path file, List<Passage> passages) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            // not UTF-8 text (gzip, another encoding): the passages are masked one by one
            return null;
        }
        for (Passage passage : passages) {
            Provenance place = passage.provenance();
            if (place.endOffset() > text.length()
                    || !text.substring(place.startOffset(), place.endOffset()).equals(passage.text())) {
                return null;
            }
        }
        return text;
    }

    /** The part of {@code masked} at {@code place}, with the excluded ranges that reach into it, clipped. */
    private static MaskedText slice(MaskedText masked, Provenance place) {
        int start = place.startOffset();
        int end = place.endOffset();
        List<ExcludedRange> ranges = new ArrayList<>();
        for (ExcludedRange range : masked.excluded()) {
            int from = Math.max(range.span().start(), start);
            int to = Math.min(range.span().end(), end);
            if (from < to) {
                ranges.add(new ExcludedRange(new TextSpan(from - start, to - start), range.kind()));
            }
        }
        return MaskedText.of(masked.original().substring(start, end), ranges);
    }
}
