package io.noveltylens.test.support;

import java.util.List;

/**
 * A writer's drafts for the drafts tests: short paragraphs on subjects far apart (written for these tests, in no
 * corpus), and for each a sentence that says the same differently, whose nearest draft is therefore known.
 */
public final class DraftTexts {

    public static final List<String> PARAGRAPHS = List.of(
            "The lighthouse keeper counted the ships every evening and wrote their names in a green ledger.",
            "Her brother never trusted the ferry after the winter it ran aground on the sandbar near the harbour.",
            "On market days the square filled with carts of apples, and the baker sold bread until noon.",
            "The letter arrived three weeks late, its stamp smudged, its envelope soft from the rain.",
            "In the attic they found a telescope, a box of buttons and a map of the coast drawn by hand.",
            "Nobody in the village could remember when the clock on the church tower had last told the right time.");

    /** For each of {@link #PARAGRAPHS}, the same said in other words. */
    public static final List<String> RETOLD = List.of(
            "Each evening the keeper of the lighthouse wrote the names of the ships he counted in his green ledger.",
            "After the ferry ran aground near the harbour one winter, her brother would not trust it again.",
            "Carts of apples filled the square on market days and the baker sold his bread until midday.",
            "Three weeks late the letter came, the stamp smudged and the envelope softened by rain.",
            "Up in the attic were a telescope, a box of buttons and a hand-drawn map of the coast.",
            "No one in the village remembered the last time the church tower clock had shown the right time.");

    private DraftTexts() {
    }
}
