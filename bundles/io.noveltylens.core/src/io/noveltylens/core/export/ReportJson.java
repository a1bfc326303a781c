package io.noveltylens.core.export;

import java.util.List;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import io.noveltylens.core.analysis.HullReport;
import io.noveltylens.core.analysis.NoveltyReport;
import io.noveltylens.core.analysis.SentenceReadout;
import io.noveltylens.core.corpus.Provenance;
import io.noveltylens.core.density.DensityReadout;
import io.noveltylens.core.exclude.ExcludedRange;
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

    /** A record of {@link #object}, with fields a caller may have added, as one line of JSON. */
    public static String line(JsonObject record) {
        return GSON.toJson(record);
    }

    /**
     * One line of JSON with the passage's neighbours among the writer's own drafts beside the corpus's, as
     * {@code "draftsNeighbours"} (same fields as {@code "neighbours"}); every readout stays against the corpus.
     */
    public static String line(NoveltyReport report, Provenance passageSource, List<Neighbour> draftsNeighbours) {
        JsonObject json = object(report, passageSource);
        json.add("draftsNeighbours", neighbours(draftsNeighbours));
        return GSON.toJson(json);
    }

    public static JsonObject object(NoveltyReport report, Provenance passageSource) {
        JsonObject json = new JsonObject();
        json.addProperty("text", report.text());
        if (passageSource != null) {
            json.add("source", provenance(passageSource));
        }
        json.addProperty("model", report.modelId());
        json.addProperty("verdict", report.verdict().name());
        json.addProperty("headline", report.headline());
        json.addProperty("matchLevel", report.matchLevel().name());
        json.addProperty("windows", report.embedding().windows());
        json.add("neighbours", neighbours(report.neighbours()));
        json.add("density", density(report.density()));
        json.add("verbatim", verbatim(report.verbatim()));
        if (report.hull() != null) {
            json.add("hull", hull(report.hull()));
        }
        JsonArray sentences = new JsonArray();
        for (SentenceReadout sentence : report.sentences()) {
            JsonObject s = new JsonObject();
            s.addProperty("start", sentence.span().start());
            s.addProperty("end", sentence.span().end());
            s.addProperty("percentile", sentence.density().percentile());
            s.addProperty("nearestCosine", sentence.nearestCosine());
            s.addProperty("verbatimCoverage5", sentence.verbatimCoverage());
            s.addProperty("matchLevel", sentence.matchLevel().name());
            sentences.add(s);
        }
        json.add("sentences", sentences);
        json.add("excluded", excluded(report));
        json.addProperty("fastMillis", report.fastMillis());
        return json;
    }

    /** The ranges of "text" left out of the analysis: character offsets, end exclusive, and what each is. */
    private static JsonArray excluded(NoveltyReport report) {
        JsonArray array = new JsonArray();
        for (ExcludedRange range : report.excluded()) {
            JsonObject r = new JsonObject();
            r.addProperty("start", range.span().start());
            r.addProperty("end", range.span().end());
            r.addProperty("kind", range.kind().name());
            array.add(r);
        }
        return array;
    }

    private static JsonArray neighbours(List<Neighbour> neighbours) {
        JsonArray array = new JsonArray();
        for (Neighbour neighbour : neighbours) {
            JsonObject n = new JsonObject();
            n.addProperty("rank", neighbour.rank());
            n.addProperty("cosine", neighbour.cosine());
            n.addProperty("space", "cosine of L2-normalised embeddings, full dimension");
            n.addProperty("id", neighbour.passageId());
            n.addProperty("text", neighbour.text());
            JsonArray sources = new JsonArray();
            neighbour.sources().forEach(source -> sources.add(provenance(source)));
            n.add("sources", sources);
            array.add(n);
        }
        return array;
    }

    private static JsonObject density(DensityReadout density) {
        JsonObject json = new JsonObject();
        json.addProperty("k", density.k());
        json.addProperty("meanDistance", density.meanDistance());
        json.addProperty("percentile", density.percentile());
        json.addProperty("comparedWith", density.comparedWith());
        json.addProperty("lof", density.lof());
        json.addProperty("loop", density.loop());
        json.addProperty("space", "Euclidean distance between L2-normalised embeddings");
        json.addProperty("percentileExplanation", density.percentileExplanation());
        json.addProperty("lofExplanation", density.lofExplanation());
        json.addProperty("loopExplanation", density.loopExplanation());
        return json;
    }

    private static JsonObject verbatim(VerbatimReadout verbatim) {
        JsonObject json = new JsonObject();
        json.addProperty("words", verbatim.wordCount());
        JsonObject coverage = new JsonObject();
        for (Coverage c : verbatim.coverage()) {
            coverage.addProperty(Integer.toString(c.minWords()), c.share());
        }
        json.add("coverage", coverage);
        JsonArray spans = new JsonArray();
        for (VerbatimSpan span : verbatim.spans()) {
            JsonObject s = new JsonObject();
            s.addProperty("start", span.startOffset());
            s.addProperty("end", span.endOffset());
            s.addProperty("words", span.wordCount());
            spans.add(s);
        }
        json.add("spans", spans);
        json.addProperty("explanation", verbatim.explanation());
        return json;
    }

    private static JsonObject hull(HullReport hull) {
        JsonObject json = new JsonObject();
        json.addProperty("space", HullData.SPACE);
        json.addProperty("points", hull.points());
        json.addProperty("sentencePoints", hull.sentencePoints());
        if (hull.percentiles() != null) {
            json.addProperty("percentile", hull.percentiles().distance());
            json.addProperty("comparedWith", hull.percentiles().comparedWith());
        }
        json.addProperty("verdict", hull.distance().verdict().name());
        json.addProperty("distanceLowerBound", hull.distance().lowerBound());
        json.addProperty("distanceUpperBound", hull.distance().upperBound());
        json.addProperty("neighbourScale", hull.neighbourScale());
        json.addProperty("relativeLowerBound", hull.relativeLowerBound());
        json.addProperty("relativeUpperBound", hull.relativeUpperBound());
        json.addProperty("converged", hull.distance().converged());
        json.addProperty("certified", hull.distance().certified());
        json.addProperty("explanation", hull.distanceExplanation());
        JsonObject depth = new JsonObject();
        depth.addProperty("depth", hull.depth().depth());
        if (hull.percentiles() != null) {
            depth.addProperty("percentile", hull.percentiles().depth());
        }
        depth.addProperty("label", hull.depthLabel());
        depth.addProperty("complete", hull.depth().complete());
        depth.addProperty("certified", hull.depth().certified());
        depth.addProperty("components", hull.components());
        JsonArray curve = new JsonArray();
        for (DepthVerdict point : hull.depth().curve()) {
            JsonObject p = new JsonObject();
            p.addProperty("d", point.dimension());
            p.addProperty("verdict", point.verdict().name());
            p.addProperty("basis", point.basis().name());
            curve.add(p);
        }
        depth.add("curve", curve);
        depth.addProperty("explanation", hull.depthExplanation());
        json.add("depth", depth);
        json.addProperty("millis", hull.millis());
        return json;
    }

    private static JsonObject provenance(Provenance provenance) {
        JsonObject json = new JsonObject();
        json.addProperty("source", provenance.source());
        json.addProperty("start", provenance.startOffset());
        json.addProperty("end", provenance.endOffset());
        json.addProperty("line", provenance.line());
        return json;
    }

    /** The element at a dotted field path of a record ({@code "hull.depth.curve"}), or null where a step is missing. */
    public static JsonElement field(JsonObject record, String path) {
        JsonElement at = record;
        for (String name : path.split("\\.")) {
            if (at == null || !at.isJsonObject()) {
                return null;
            }
            at = at.getAsJsonObject().get(name);
        }
        return at;
    }
}
