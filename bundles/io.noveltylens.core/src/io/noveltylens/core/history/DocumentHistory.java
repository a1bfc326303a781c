package io.noveltylens.core.history;

import java.util.List;

/**
 * The saves of one document, oldest first, as {@link HistoryStore} keeps them (at most
 * {@link HistoryStore#MAX_SAVES}).
 *
 * @param document the document's path, as the front end names it
 * @param saves    its saves, oldest first
 */
public record DocumentHistory(String document, List<SaveReading> saves) {

    public DocumentHistory {
        saves = List.copyOf(saves);
    }

    /** A document never saved since it was analysed. */
    public static DocumentHistory empty(String document) {
        return new DocumentHistory(document, List.of());
    }

    /**
     * The saves read with {@code corpus}, oldest first: the points of one line. Readouts of another corpus or model
     * are on another scale, so they are kept but not drawn with these.
     */
    public List<SaveReading> on(String corpus) {
        return saves.stream().filter(save -> save.corpus().equals(corpus)).toList();
    }
}
