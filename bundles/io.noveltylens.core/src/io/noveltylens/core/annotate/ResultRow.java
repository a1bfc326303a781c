package io.noveltylens.core.annotate;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import io.noveltylens.core.analysis.NoveltyReport;
import io.noveltylens.core.analysis.Verdict;
import io.noveltylens.core.corpus.Provenance;
import io.noveltylens.core.index.Neighbour;

/**
 * What a results table and a marker show of one annotated passage, about 0.5 KB where its report takes tens: a run
 * over 100k passages keeps these, and the full records stay in its {@link ResultsFile}. Made from a fresh report or
 * read back from a record of the file, with the same values either way.
 *
 * @param text           the passage's text, cut after {@link #TEXT_KEPT} characters
 * @param nearestCosine  the nearest passage's cosine, NaN when the report lists none
 * @param nearestSource  where the nearest passage comes from as "source:line", null when unknown
 * @param verbatim       the share of words in verbatim runs of {@link #VERBATIM_RUN} words or more
 */
public record ResultRow(Provenance place, String text, Verdict verdict, double percentile, double lof, double loop,
        double verbatim, double nearestCosine, String nearestSource) {

    /** Enough of the passage for a table cell and a sort; the file keeps the whole text. */
    public static final int TEXT_KEPT = 240;
    /** The run length whose verbatim coverage a row keeps: 8-word runs, core's threshold for "quoted". */
    public static final int VERBATIM_RUN = 8;

    public static ResultRow of(AnnotatedPassage passage) {
        NoveltyReport report = passage.report();
        Neighbour nearest = report.neighbours().isEmpty() ? null : report.neighbours().get(0);
        String nearestSource = nearest == null || nearest.sources().isEmpty() ? null
                : nearest.sources().get(0).source() + ':' + nearest.sources().get(0).line();
        return new ResultRow(passage.provenance(), kept(report.text()), report.verdict(),
                report.density().percentile(), report.density().lof(), report.density().loop(),
                report.verbatim().coverage(VERBATIM_RUN), nearest == null ? Double.NaN : nearest.cosine(),
                nearestSource);
    }

    /** The row of a record written by {@link io.noveltylens.core.export.ReportJson}. */
    public static ResultRow of(JsonObject record) {
        JsonObject source = record.getAsJsonObject("source");
        JsonObject density = record.getAsJsonObject("density");
        JsonElement neighbours = record.get("neighbours");
        double nearestCosine = Double.NaN;
        String nearestSource = null;
        if (neighbours != null && !neighbours.getAsJsonArray().isEmpty()) {
            JsonObject nearest = neighbours.getAsJsonArray().get(0).getAsJsonObject();
            nearestCosine = nearest.get("cosine").getAsDouble();
            if (!nearest.getAsJsonArray("sources").isEmpty()) {
                JsonObject first = nearest.getAsJsonArray("sources").get(0).getAsJsonObject();
                nearestSource = first.get("source").getAsString() + ':' + first.get("line").getAsInt();
            }
        }
        return new ResultRow(
                new Provenance(source.get("source").getAsString(), source.get("start").getAsInt(),
                        source.get("end").getAsInt(), source.get("line").getAsInt()),
                kept(record.get("text").getAsString()), Verdict.valueOf(record.get("verdict").getAsString()),
                density.get("percentile").getAsDouble(), density.get("lof").getAsDouble(),
                density.get("loop").getAsDouble(),
                record.getAsJsonObject("verbatim").getAsJsonObject("coverage").get(Integer.toString(VERBATIM_RUN))
                        .getAsDouble(),
                nearestCosine, nearestSource);
    }

    private static String kept(String text) {
        return text.length() <= TEXT_KEPT ? text : text.substring(0, TEXT_KEPT);
    }
}
