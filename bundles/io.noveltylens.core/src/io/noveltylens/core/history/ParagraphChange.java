package io.noveltylens.core.history;

/**
 * A paragraph of a later save with the paragraph of an earlier save it continues, if any.
 *
 * @param now     the paragraph in the later save
 * @param before  the paragraph it continues in the earlier save (the same text, or the one in its place), or null
 *                when it is new
 */
public record ParagraphChange(ParagraphReading now, ParagraphReading before) {

    public boolean isNew() {
        return before == null;
    }

    /** Whether its text is the earlier paragraph's (as far as white space). */
    public boolean sameText() {
        return before != null && before.hash().equals(now.hash());
    }

    /** How many percentile points more novel it reads now (negative: less novel); 0 for a new paragraph. */
    public double change() {
        return before == null ? 0 : now.percentile() - before.percentile();
    }
}
