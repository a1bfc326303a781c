package io.noveltylens.core.compare;

import java.util.ArrayList;
import java.util.List;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import io.noveltylens.core.corpus.Provenance;
import io.noveltylens.core.export.ReportJson;
import io.noveltylens.core.hull.HullVerdict;

/**
 * What a comparison keeps of one passage's report: its place, its calibrated readouts, its depth curve and where it
 * lies on the corpus's principal plane. A few hundred bytes, so a run of 100,000 passages fits in memory; the full
 * reports go to the annotation files.
 *
 * @param readouts one value per {@link Readout}, by ordinal; NaN where the report has none
 * @param curve    the extrapolation depth's verdict per number of principal components, empty without hull readouts
 * @param x        first coordinate on the corpus's principal plane
 * @param y        second coordinate
 */
public record PassageScore(Provenance provenance, double[] readouts, List<CurvePoint> curve, double x, double y) {

    /** The field of a comparison's record that holds where the passage lies on the map: {"x": ..., "y": ...}. */
    public static final String MAP = "map";

    public PassageScore {
        readouts = readouts.clone();
        curve = List.copyOf(curve);
    }

    /**
     * The score of a record a comparison wrote to a group's results file: a {@code ReportJson} record with its
     * {@link #MAP} field, giving the values the score made from the report had.
     */
    public static PassageScore of(JsonObject record) {
        JsonObject source = record.getAsJsonObject("source");
        double[] readouts = new double[Readout.values().length];
        for (Readout readout : Readout.values()) {
            JsonElement value = ReportJson.field(record, readout.field());
            readouts[readout.ordinal()] = value == null || value.isJsonNull() ? Double.NaN : value.getAsDouble();
        }
        List<CurvePoint> curve = new ArrayList<>();
        JsonElement points = ReportJson.field(record, "hull.depth.curve");
        if (points != null) {
            for (JsonElement point : points.getAsJsonArray()) {
                curve.add(new CurvePoint(point.getAsJsonObject().get("d").getAsInt(),
                        HullVerdict.valueOf(point.getAsJsonObject().get("verdict").getAsString())));
            }
        }
        JsonObject map = record.getAsJsonObject(MAP);
        return new PassageScore(new Provenance(source.get("source").getAsString(), source.get("start").getAsInt(),
                source.get("end").getAsInt(), source.get("line").getAsInt()), readouts, curve,
                map.get("x").getAsDouble(), map.get("y").getAsDouble());
    }

    public double readout(Readout readout) {
        return readouts[readout.ordinal()];
    }
}
