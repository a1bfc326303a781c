package io.noveltylens.ui.history;

import java.util.List;

import org.eclipse.core.resources.IFile;

import io.noveltylens.core.history.ParagraphChange;
import io.noveltylens.core.history.SaveReading;

/**
 * What the Novelty view shows of a document's history, computed in the background: the saves read with the corpus
 * now open (one point each), the plot of them as a PNG, and the paragraphs of the last save ranked by how much they
 * changed since the one before.
 *
 * @param file             the document
 * @param saves            its saves on the corpus now open, oldest first
 * @param otherCorpusSaves its saves read with another corpus or model, kept but not drawn
 * @param plot             the plot as a PNG, {@link #PLOT_WIDTH} by {@link #PLOT_HEIGHT}
 * @param changes          the last save's paragraphs, ranked (empty before the second save)
 * @param snippets         the start of each ranked paragraph's text in the saved file, as {@code changes} are ordered
 */
public record HistoryPicture(IFile file, List<SaveReading> saves, int otherCorpusSaves, byte[] plot,
        List<ParagraphChange> changes, List<String> snippets) {

    public static final int PLOT_WIDTH = 420;
    public static final int PLOT_HEIGHT = 170;

    public HistoryPicture {
        saves = List.copyOf(saves);
        changes = List.copyOf(changes);
        snippets = List.copyOf(snippets);
    }
}
