package io.noveltylens.ui.view;

import java.util.List;

import io.noveltylens.core.NoveltyException;
import io.noveltylens.core.corpus.PassageInContext;
import io.noveltylens.core.index.Neighbour;
import io.noveltylens.core.verbatim.VerbatimSpan;

/**
 * What the side-by-side view shows, computed off the UI thread by {@link SideBySideJob}: the writer's text and the
 * corpus passage, each with the word runs they share, and the passage in its source's context, or why the source
 * could not be read (then the index's copy of the passage is shown without context).
 *
 * @param text        the analysed text
 * @param textRuns    its runs that occur in the passage, offsets in {@code text}
 * @param neighbour   the corpus passage, as the index holds it
 * @param context     the passage with the passages around it in its source, or null
 * @param passageRuns the passage's runs that occur in the text, offsets in the passage's text
 * @param failure     why the context is missing, or null
 */
record SideBySideReading(String text, List<VerbatimSpan> textRuns, Neighbour neighbour, PassageInContext context,
        List<VerbatimSpan> passageRuns, NoveltyException failure) {

    /** The passage's text: the source's when it was read, else the index's. */
    String passage() {
        return context != null ? context.passage().text() : neighbour.text();
    }
}
