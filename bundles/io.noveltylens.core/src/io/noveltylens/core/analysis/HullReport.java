package io.noveltylens.core.analysis;

import java.util.Locale;

import io.noveltylens.core.hull.DepthVerdict;
import io.noveltylens.core.hull.ExtrapolationDepthResult;
import io.noveltylens.core.hull.HullDistanceResult;
import io.noveltylens.core.hull.HullVerdict;
import io.noveltylens.core.index.HullData;
import io.noveltylens.core.index.NearbySentences;

/**
 * The convex-hull readouts of a passage (docs/design.md, "Convex hull"), computed on the unit (L2-normalised)
 * embeddings, where a passage's length does not move them: on the raw mean-pooled vectors, whose norm
 * tracks length, a long passage sits nearer the centre and looks "inside". On unit vectors a new passage is almost
 * never inside the hull in the full space (a unit vector lies in the hull of other unit vectors only if it equals one
 * of them), so the distance, read against the corpus's own text of the same length ({@link #percentiles()}), is what
 * tells.
 *
 * @param distance       Frank-Wolfe bracket on the Euclidean distance to the corpus hull in the full space
 * @param neighbourScale median distance from a corpus passage to its nearest neighbour in the same space: distances
 *                       are also shown as multiples of it
 * @param depth          the extrapolation depth: inside the hull of the corpus projected on its first d principal
 *                       components, for the largest d
 * @param components     principal components available (the largest d tried)
 * @param sentencePoints the sentences of the nearest passages among the points of the hull in the full space, for a
 *                       passage of one sentence (0: the corpus's passages only; docs/design.md, Convex hull)
 * @param percentiles    both readouts against the corpus's own text of the passage's length; null for a corpus
 *                       without calibration (an index or a SolrCloud collection of an older format)
 * @param millis         wall time of the hull readouts
 */
public record HullReport(HullDistanceResult distance, double neighbourScale, ExtrapolationDepthResult depth,
        int components, int sentencePoints, HullPercentiles percentiles, long millis) {

    public HullReport withPercentiles(HullPercentiles calibrated) {
        return new HullReport(distance, neighbourScale, depth, components, sentencePoints, calibrated, millis);
    }

    /**
     * The points whose hull the distance is to, completing "the convex hull of ...": "the corpus's passages" or, for a
     * single sentence, "the corpus's passages and 14 sentences of its 5 passages nearest to the sentence".
     */
    public String points() {
        String passages = "the corpus's passages (" + HullData.SPACE + ")";
        return sentencePoints == 0 ? passages
                : String.format(Locale.ROOT, "%s and the %d sentences of the %d passages nearest to the sentence",
                        passages, sentencePoints, NearbySentences.PASSAGES);
    }

    /**
     * Whether every lower bound and "outside" verdict is proved. False when the corpus answered the solvers'
     * maximisations with an approximate search (a SolrCloud collection's HNSW): then the lower bound may be too high
     * and "outside" may be wrong, while the upper bound and "inside" stay proved.
     */
    public boolean certified() {
        return distance.certified() && depth.certified();
    }

    public double relativeLowerBound() {
        return distance.lowerBound() / neighbourScale;
    }

    public double relativeUpperBound() {
        return distance.upperBound() / neighbourScale;
    }

    /**
     * The depth as a reader should take it: "8" when the sweep is complete, "at least 8" when dimensions above were
     * not decided, "0 (outside from the first component)" when even d = 1 is outside, "undetermined" when nothing was
     * decided within the budget. A bare 0 would say both of the last two.
     */
    public String depthLabel() {
        int outside = firstOutsideDimension();
        if (depth.depth() == 0) {
            return outside > 0 && outside == depth.curve().get(0).dimension() ? "0 (outside from the first component)"
                    : "undetermined";
        }
        return depth.complete() ? Integer.toString(depth.depth()) : "at least " + depth.depth();
    }

    /** The smallest dimension proved or inferred outside, or -1 when none is. */
    public int firstOutsideDimension() {
        return depth.curve().stream().filter(v -> v.verdict() == HullVerdict.OUTSIDE).mapToInt(DepthVerdict::dimension)
                .findFirst().orElse(-1);
    }

    public String distanceExplanation() {
        return calibratedDistance() + distanceVerdictExplanation() + (distance.certified() ? ""
                : " The lower bound comes from an approximate search of the corpus and is not certified; the upper bound is.");
    }

    private String calibratedDistance() {
        if (percentiles == null) {
            return "";
        }
        return String.format(Locale.ROOT, "Further from the corpus's convex hull than %d %% of %s. ",
                (int) Math.floor(percentiles.distance()), percentiles.comparedWith());
    }

    private String distanceVerdictExplanation() {
        return switch (distance.verdict()) {
            case INSIDE -> String.format(Locale.ROOT,
                    "Inside the convex hull of %s: the passage is an interpolation of corpus text.", points());
            case OUTSIDE -> String.format(Locale.ROOT,
                    "Outside the convex hull of %s, at %.2f-%.2f times the typical distance between neighbouring corpus passages (in the full space new text almost always lies outside; the distance is what varies).",
                    points(), relativeLowerBound(), relativeUpperBound());
            case UNDETERMINED -> String.format(Locale.ROOT,
                    "Hull membership undetermined within the time budget: the distance to the hull of %s is between %.2f and %.2f times the typical neighbour distance.",
                    points(), relativeLowerBound(), relativeUpperBound());
        };
    }

    public String depthExplanation() {
        return depthCurveExplanation() + (depth.certified() ? ""
                : " The 'outside' verdicts come from an approximate search of the corpus and are not certified.");
    }

    private String depthCurveExplanation() {
        int outside = firstOutsideDimension();
        if (depth.depth() == 0 && outside > 0) {
            return "Outside the hull even in the corpus's first principal component: an extrapolation along its main direction.";
        }
        if (depth.depth() == 0) {
            return "Extrapolation depth undetermined within the time budget.";
        }
        if (outside < 0 && depth.complete()) {
            return String.format(Locale.ROOT,
                    "Inside the hull of the corpus in all %d principal components tried: an interpolation of the corpus's main directions.",
                    depth.depth());
        }
        String beyond = outside > 0 ? String.format(Locale.ROOT, ", outside from %d on", outside) : "";
        if (!depth.complete()) {
            // the dimensions between the last proved inside and the first proved outside are open: a bound, not a depth
            return String.format(Locale.ROOT,
                    "Extrapolation depth at least %d: inside the hull of the corpus projected on its first %d principal components%s; the dimensions %s were not decided within the time budget.",
                    depth.depth(), depth.depth(), beyond, outside > 0 ? "in between" : "beyond");
        }
        return String.format(Locale.ROOT,
                "Extrapolation depth %d: inside the hull of the corpus projected on its first %d principal components%s. It interpolates the corpus's %d main directions and extrapolates beyond them.",
                depth.depth(), depth.depth(), beyond, depth.depth());
    }
}
