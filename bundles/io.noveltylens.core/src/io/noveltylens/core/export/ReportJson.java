package io.noveltylens.core.export;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import io.noveltylens.core.analysis.HullReport;
import io.noveltylens.core.analysis.NoveltyReport;
import io.noveltylens.core.analysis.SentenceReadout;
import io.noveltylens.core.corpus.Provenance;
import io.noveltylens.core.density.DensityReadout;
import io.noveltylens.core.hull.DepthVerdict;
import io.noveltylens.core.index.HullData;
import io.noveltylens.core.index.Neighbour;
import io.noveltylens.core.verbatim.Coverage;
import io.noveltylens.core.verbatim.VerbatimReadout;
import io.noveltylens.core.verbatim.VerbatimSpan;

/**
 * A {@link NoveltyReport} as one JSON object with every readout, its explanation and the space it was computed in:
 * the CLI's {@code --json} output and the annotator's JSON Lines export. Field names are part of the public format.
 */
public final class ReportJson {

    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().serializeSpecialFloatingPointValues()
            .create();

    private ReportJson() {
    }

    /** One line of JSON (no pretty printing), for JSON Lines. */
    public static String line(NoveltyReport report, Provenance passageSource) {
        return GSON.toJson(object(report, passageSource));
    }

    public static JsonObject object(NoveltyReport report, Provenance passageSource) {
        JsonObject json = new JsonObject();
        json.addProperty("text", report.text()); //$NON-NLS-1$
        if (passageSource != null) {
            json.add("source", provenance(passageSource)); //$NON-NLS-1$
        }
        json.addProperty("model", report.modelId()); //$NON-NLS-1$
        json.addProperty("verdict", report.verdict().name()); //$NON-NLS-1$
        json.addProperty("headline", report.headline()); //$NON-NLS-1$
        json.addProperty("windows", report.embedding().windows()); //$NON-NLS-1$
        json.add("neighbours", neighbours(report)); //$NON-NLS-1$
        json.add("density", density(report.density())); //$NON-NLS-1$
        json.add("verbatim", verbatim(report.verbatim())); //$NON-NLS-1$
        if (report.hull() != null) {
            json.add("hull", hull(report.hull())); //$NON-NLS-1$
        }
        JsonArray sentences = new JsonArray();
        for (SentenceReadout sentence : report.sentences()) {
            JsonObject s = new JsonObject();
            s.addProperty("start", sentence.span().start()); //$NON-NLS-1$
            s.addProperty("end", sentence.span().end()); //$NON-NLS-1$
            s.addProperty("percentile", sentence.density().percentile()); //$NON-NLS-1$
            s.addProperty("nearestCosine", sentence.nearestCosine()); //$NON-NLS-1$
            s.addProperty("verbatimCoverage5", sentence.verbatimCoverage()); //$NON-NLS-1$
            sentences.add(s);
        }
        json.add("sentences", sentences); //$NON-NLS-1$
        json.addProperty("fastMillis", report.fastMillis()); //$NON-NLS-1$
        return json;
    }

    private static JsonArray neighbours(NoveltyReport report) {
        JsonArray array = new JsonArray();
        for (Neighbour neighbour : report.neighbours()) {
            JsonObject n = new JsonObject();
            n.addProperty("rank", neighbour.rank()); //$NON-NLS-1$
            n.addProperty("cosine", neighbour.cosine()); //$NON-NLS-1$
            n.addProperty("space", "cosine of L2-normalised embeddings, full dimension"); //$NON-NLS-1$ //$NON-NLS-2$
            n.addProperty("id", neighbour.passageId()); //$NON-NLS-1$
            n.addProperty("text", neighbour.text()); //$NON-NLS-1$
            JsonArray sources = new JsonArray();
            neighbour.sources().forEach(source -> sources.add(provenance(source)));
            n.add("sources", sources); //$NON-NLS-1$
            array.add(n);
        }
        return array;
    }

    private static JsonObject density(DensityReadout density) {
        JsonObject json = new JsonObject();
        json.addProperty("k", density.k()); //$NON-NLS-1$
        json.addProperty("meanDistance", density.meanDistance()); //$NON-NLS-1$
        json.addProperty("percentile", density.percentile()); //$NON-NLS-1$
        json.addProperty("comparedWith", density.comparedWith()); //$NON-NLS-1$
        json.addProperty("lof", density.lof()); //$NON-NLS-1$
        json.addProperty("loop", density.loop()); //$NON-NLS-1$
        json.addProperty("space", "Euclidean distance between L2-normalised embeddings"); //$NON-NLS-1$ //$NON-NLS-2$
        json.addProperty("percentileExplanation", density.percentileExplanation()); //$NON-NLS-1$
        json.addProperty("lofExplanation", density.lofExplanation()); //$NON-NLS-1$
        json.addProperty("loopExplanation", density.loopExplanation()); //$NON-NLS-1$
        return json;
    }

    private static JsonObject verbatim(VerbatimReadout verbatim) {
        JsonObject json = new JsonObject();
        json.addProperty("words", verbatim.wordCount()); //$NON-NLS-1$
        JsonObject coverage = new JsonObject();
        for (Coverage c : verbatim.coverage()) {
            coverage.addProperty(Integer.toString(c.minWords()), c.share());
        }
        json.add("coverage", coverage); //$NON-NLS-1$
        JsonArray spans = new JsonArray();
        for (VerbatimSpan span : verbatim.spans()) {
            JsonObject s = new JsonObject();
            s.addProperty("start", span.startOffset()); //$NON-NLS-1$
            s.addProperty("end", span.endOffset()); //$NON-NLS-1$
            s.addProperty("words", span.wordCount()); //$NON-NLS-1$
            spans.add(s);
        }
        json.add("spans", spans); //$NON-NLS-1$
        json.addProperty("explanation", verbatim.explanation()); //$NON-NLS-1$
        return json;
    }

    private static JsonObject hull(HullReport hull) {
        JsonObject json = new JsonObject();
        json.addProperty("space", HullData.SPACE); //$NON-NLS-1$
        if (hull.percentiles() != null) {
            json.addProperty("percentile", hull.percentiles().distance()); //$NON-NLS-1$
            json.addProperty("comparedWith", hull.percentiles().comparedWith()); //$NON-NLS-1$
        }
        json.addProperty("verdict", hull.distance().verdict().name()); //$NON-NLS-1$
        json.addProperty("distanceLowerBound", hull.distance().lowerBound()); //$NON-NLS-1$
        json.addProperty("distanceUpperBound", hull.distance().upperBound()); //$NON-NLS-1$
        json.addProperty("neighbourScale", hull.neighbourScale()); //$NON-NLS-1$
        json.addProperty("relativeLowerBound", hull.relativeLowerBound()); //$NON-NLS-1$
        json.addProperty("relativeUpperBound", hull.relativeUpperBound()); //$NON-NLS-1$
        json.addProperty("converged", hull.distance().converged()); //$NON-NLS-1$
        json.addProperty("certified", hull.distance().certified()); //$NON-NLS-1$
        json.addProperty("explanation", hull.distanceExplanation()); //$NON-NLS-1$
        JsonObject depth = new JsonObject();
        depth.addProperty("depth", hull.depth().depth()); //$NON-NLS-1$
        if (hull.percentiles() != null) {
            depth.addProperty("percentile", hull.percentiles().depth()); //$NON-NLS-1$
        }
        depth.addProperty("label", hull.depthLabel()); //$NON-NLS-1$
        depth.addProperty("complete", hull.depth().complete()); //$NON-NLS-1$
        depth.addProperty("certified", hull.depth().certified()); //$NON-NLS-1$
        depth.addProperty("components", hull.components()); //$NON-NLS-1$
        JsonArray curve = new JsonArray();
        for (DepthVerdict point : hull.depth().curve()) {
            JsonObject p = new JsonObject();
            p.addProperty("d", point.dimension()); //$NON-NLS-1$
            p.addProperty("verdict", point.verdict().name()); //$NON-NLS-1$
            p.addProperty("basis", point.basis().name()); //$NON-NLS-1$
            curve.add(p);
        }
        depth.add("curve", curve); //$NON-NLS-1$
        depth.addProperty("explanation", hull.depthExplanation()); //$NON-NLS-1$
        json.add("depth", depth); //$NON-NLS-1$
        json.addProperty("millis", hull.millis()); //$NON-NLS-1$
        return json;
    }

    private static JsonObject provenance(Provenance provenance) {
        JsonObject json = new JsonObject();
        json.addProperty("source", provenance.source()); //$NON-NLS-1$
        json.addProperty("start", provenance.startOffset()); //$NON-NLS-1$
        json.addProperty("end", provenance.endOffset()); //$NON-NLS-1$
        json.addProperty("line", provenance.line()); //$NON-NLS-1$
        return json;
    }
}
