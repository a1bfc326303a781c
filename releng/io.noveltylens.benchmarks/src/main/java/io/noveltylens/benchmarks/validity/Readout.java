package io.noveltylens.benchmarks.validity;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * A number read from one line of {@code novelty score -}'s JSON by path, oriented so that higher means more novel.
 * A readout the JSON lacks reads as null and is left out of the table, so the same harness runs on code that has
 * not yet, or no longer, got a field.
 *
 * @param kind which targets apply: calibrated percentiles must centre held-out text on 50; unbounded readouts must
 *             not grow with the length of the text
 */
record Readout(String name, Kind kind, Function<JsonObject, Double> value) {

    enum Kind {
        PERCENTILE, UNBOUNDED, BOUNDED
    }

    /** The largest extrapolation depth: the PCA keeps 64 components (IndexSettings.pcaComponents). */
    private static final double MAX_DEPTH = 64;

    /** More numeric fields under density or hull, read as they are (higher = more novel): add here. */
    private static final List<Readout> EXTRA = List.of(field("density.meanDistance", Kind.UNBOUNDED),
            field("hull.distanceLowerBound", Kind.UNBOUNDED));

    static List<Readout> all() {
        List<Readout> all = new ArrayList<>(List.of(
                new Readout("1 - neighbours[0].cosine", Kind.UNBOUNDED,
                        json -> minus(1, at(json, "neighbours.0.cosine"))),
                field("density.percentile", Kind.PERCENTILE), field("density.lof", Kind.UNBOUNDED),
                // a probability, but issue 14 counts it with the unbounded readouts for the length bias
                field("density.loop", Kind.UNBOUNDED), field("hull.percentile", Kind.PERCENTILE),
                field("hull.depth.percentile", Kind.PERCENTILE), field("hull.relativeLowerBound", Kind.UNBOUNDED),
                new Readout("mean of hull.relative{Lower,Upper}Bound", Kind.UNBOUNDED, json -> {
                    Double lower = at(json, "hull.relativeLowerBound");
                    Double upper = at(json, "hull.relativeUpperBound");
                    return lower == null || upper == null ? null : (lower + upper) / 2;
                }), new Readout("64 - hull.depth.depth", Kind.BOUNDED,
                        json -> minus(MAX_DEPTH, at(json, "hull.depth.depth")))));
        all.addAll(EXTRA);
        return all;
    }

    private static Readout field(String path, Kind kind) {
        return new Readout(path, kind, json -> at(json, path));
    }

    private static Double minus(double from, Double value) {
        return value == null ? null : from - value;
    }

    /** The number at a dotted path (a numeric step indexes an array), or null when absent, not a number or NaN. */
    static Double at(JsonObject json, String path) {
        JsonElement element = json;
        for (String step : path.split("\\.")) {
            if (element instanceof JsonObject object) {
                element = object.get(step);
            } else if (element instanceof JsonArray array && step.chars().allMatch(Character::isDigit)
                    && Integer.parseInt(step) < array.size()) {
                element = array.get(Integer.parseInt(step));
            } else {
                return null;
            }
        }
        if (element == null || !element.isJsonPrimitive() || !element.getAsJsonPrimitive().isNumber()) {
            return null;
        }
        double value = element.getAsDouble();
        return Double.isNaN(value) ? null : value;
    }
}
