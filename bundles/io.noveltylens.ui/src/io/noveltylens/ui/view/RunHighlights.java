package io.noveltylens.ui.view;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.swt.custom.StyleRange;
import org.eclipse.swt.graphics.Color;

import io.noveltylens.core.verbatim.VerbatimSpan;

/**
 * Style ranges that highlight verbatim runs in a StyledText. Two maximal runs can overlap (words 0-7 and 5-12 each
 * found, not the whole), and {@code StyledText.setStyleRanges}, which styles a text in one layout instead of one per
 * run, takes only ranges in order that do not overlap: overlapping runs become one range.
 */
final class RunHighlights {

    private RunHighlights() {
    }

    /** @param shift where the runs' text starts in the StyledText; runs past {@code limit} (its length) are left out */
    static List<StyleRange> of(List<VerbatimSpan> runs, int shift, int limit, Color foreground, Color background) {
        List<StyleRange> ranges = new ArrayList<>();
        int start = -1;
        int end = -1;
        for (VerbatimSpan run : runs) {
            if (shift + run.endOffset() > limit) {
                continue;
            }
            if (start >= 0 && shift + run.startOffset() <= end) {
                end = Math.max(end, shift + run.endOffset());
                continue;
            }
            if (start >= 0) {
                ranges.add(new StyleRange(start, end - start, foreground, background));
            }
            start = shift + run.startOffset();
            end = shift + run.endOffset();
        }
        if (start >= 0) {
            ranges.add(new StyleRange(start, end - start, foreground, background));
        }
        return ranges;
    }
}
