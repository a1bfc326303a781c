package io.noveltylens.core.density;

import io.noveltylens.core.NoveltyException;

/**
 * Scores a query's density from its nearest corpus passages: {@link DensityModel} holds every passage's statistics;
 * a store that returns them with its hits scores from those and the corpus-wide {@link DensitySummary}.
 */
public interface DensityScorer {

    /** The k every readout uses; a query must bring at least that many neighbours. */
    int k();

    /**
     * Scores a new query (not a corpus passage) from its nearest corpus passages, nearest first; only the first
     * {@link #k()} are used.
     *
     * @throws IllegalArgumentException with fewer than {@link #k()} neighbours or an id outside the corpus
     * @throws NoveltyException when the statistics of a neighbour cannot be read from the store that holds them
     */
    DensityReadout score(NeighbourList queryNeighbours) throws NoveltyException;
}
