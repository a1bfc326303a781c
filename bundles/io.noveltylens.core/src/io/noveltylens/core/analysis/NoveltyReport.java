package io.noveltylens.core.analysis;

import java.util.List;

import io.noveltylens.core.density.DensityReadout;
import io.noveltylens.core.embed.Embedding;
import io.noveltylens.core.exclude.ExcludedRange;
import io.noveltylens.core.exclude.MaskedText;
import io.noveltylens.core.index.Neighbour;
import io.noveltylens.core.verbatim.VerbatimReadout;

/**
 * Everything Novelty Lens says about one passage. The view, the editor heatmap, the batch annotator and the CLI all
 * present this record and compute nothing themselves. It is built in two phases: {@link NoveltyAnalyzer#analyze} fills
 * the fast readouts (tens of milliseconds) and leaves {@code hull} null; {@link NoveltyAnalyzer#withHull} adds the
 * hull readouts, which may take up to the hull budget.
 *
 * @param text        the passage as given; what was analysed is {@link #analysedText()}
 * @param modelId     the embedding model
 * @param embedding   the passage's embedding (unit vector, raw norm, token windows used)
 * @param neighbours  the nearest corpus passages, by exact cosine in the model's full space
 * @param density     local density of the neighbourhood against the corpus's own passages
 * @param verbatim    word sequences found verbatim in the corpus
 * @param quotation   the longest of them when it has {@link Quotation#MIN_WORDS} or more words, else null
 * @param sentences   per-sentence readouts when the passage has more than one sentence, else empty
 * @param map         2-D picture of the query and its neighbours (a projection)
 * @param hull        convex-hull readouts, or null before the second phase
 * @param fastMillis  wall time of the fast phase
 * @param excluded    the ranges of {@code text} left out of the analysis (docs/readouts.md, Exclusions), by start
 */
public record NoveltyReport(String text, String modelId, Embedding embedding, List<Neighbour> neighbours,
        DensityReadout density, VerbatimReadout verbatim, Quotation quotation, List<SentenceReadout> sentences,
        NeighbourhoodMap map, HullReport hull, long fastMillis, List<ExcludedRange> excluded) {

    public NoveltyReport {
        neighbours = List.copyOf(neighbours);
        sentences = List.copyOf(sentences);
        excluded = List.copyOf(excluded);
    }

    public NoveltyReport withHull(HullReport hullReport) {
        return new NoveltyReport(text, modelId, embedding, neighbours, density, verbatim, quotation, sentences, map,
                hullReport, fastMillis, excluded);
    }

    /**
     * The text the readouts were computed from: {@link #text()} with the excluded ranges blanked, so that sentence and
     * verbatim offsets are offsets of both.
     */
    public String analysedText() {
        return excluded.isEmpty() ? text : MaskedText.of(text, excluded).analysed();
    }

    /** The one-line verdict for writers, from the density percentile (the headline number). */
    public Verdict verdict() {
        return Verdict.of(this);
    }

    /**
     * How the passage as a whole matches the corpus, by the rule its sentences are graded with: for a one-sentence
     * passage, the level the heatmap gives that sentence.
     */
    public MatchLevel matchLevel() {
        return MatchLevel.of(verbatim, neighbours.isEmpty() ? 0 : neighbours.get(0).cosine(), density.percentile());
    }

    /** The report's first sentence: the verdict, led by the quotation when there is one. */
    public String headline() {
        return Headline.of(verdict(), quotation);
    }
}
