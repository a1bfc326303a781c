package io.noveltylens.core.calibration;

/**
 * A piece of the corpus scored as if it were new text, for the calibration: one sentence of a passage, a passage, or
 * consecutive passages of one source joined.
 *
 * @param text        its text, as a query would be given
 * @param words       its length ({@link Words#count})
 * @param oneSentence whether it is a single sentence ({@link Calibration}'s two kinds)
 * @param leftOut     the corpus passages (ordinals) its readouts must not see: its own, and those next to them in the
 *                    source, which share its names and topic as no new text would
 */
public record ReferenceUnit(String text, int words, boolean oneSentence, int[] leftOut) {
}
