package io.noveltylens.core.index;

import java.util.List;
import java.util.Optional;

import io.noveltylens.core.NoveltyException;
import io.noveltylens.core.calibration.Calibration;
import io.noveltylens.core.density.DensityScorer;
import io.noveltylens.core.verbatim.PhraseIndex;

/**
 * A queryable reference corpus. The analysis talks to this interface only, so the corpus can live in a local Lucene
 * index or elsewhere. Implementations are thread-safe.
 */
public interface CorpusIndex extends AutoCloseable {

    IndexMetadata metadata();

    /** The k passages nearest to a unit query vector by exact cosine, best first. */
    List<Neighbour> nearest(float[] unitQuery, int k) throws NoveltyException;

    StoredPassage passage(int ordinal) throws NoveltyException;

    /** The L2-normalised embedding of a passage. */
    float[] vector(int ordinal) throws NoveltyException;

    /**
     * Scores a query's density against the leave-one-out statistics of the corpus's own passages: the whole
     * {@code DensityModel} of a local index, or a summary and the statistics that came with the query's neighbours.
     */
    DensityScorer density();

    /**
     * The readouts of the corpus's own sentences, passages and runs of passages, by length, against which a query's
     * are reported as percentiles; empty for a corpus built without them (a SolrCloud collection today), whose
     * percentiles are then against its passages, whatever the query's length.
     */
    Optional<Calibration> calibration();

    /** Exact phrase look-ups over the passages' words, for the verbatim readout. */
    PhraseIndex phrases();

    /** The data of the hull readouts; may load on first use, so call it off the UI thread. */
    HullData hullData() throws NoveltyException;

    /**
     * Whether a newer version of this corpus was published since it was opened (a SolrCloud corpus filled again): a
     * long-lived client opens it again to answer from the new version; this one keeps answering meanwhile (for the
     * grace period that the fill keeps the old version). May ask the corpus's store: call it off the UI thread.
     */
    default boolean superseded() throws NoveltyException {
        return false;
    }

    @Override
    void close();
}
