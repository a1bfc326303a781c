package io.noveltylens.core.index;

import java.util.List;

import io.noveltylens.core.corpus.Provenance;

/**
 * A corpus passage near the query. {@code cosine} is the exact cosine similarity of the two L2-normalised embeddings
 * in the model's full space (the HNSW graph only proposes candidates; every candidate is re-scored exactly).
 * {@code sources} lists every place the passage occurs (identical passages are stored once). {@code ordinal} is the
 * passage's position in this index generation, {@code passageId} its stable content hash.
 */
public record Neighbour(int rank, int ordinal, String passageId, double cosine, String text, List<Provenance> sources) {

    public Neighbour {
        sources = List.copyOf(sources);
    }

    /** Euclidean distance between the unit vectors, sqrt(2 - 2 cos): the distance the density readouts use. */
    public double distance() {
        return Math.sqrt(Math.max(0, 2 - 2 * cosine));
    }
}
