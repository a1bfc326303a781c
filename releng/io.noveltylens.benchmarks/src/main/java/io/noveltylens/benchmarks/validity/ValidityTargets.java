package io.noveltylens.benchmarks.validity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The targets of issue 14 and the verdict of one readout against them. */
final class ValidityTargets {

    private static final double LENGTH_SEPARATION_MIN = 0.4;
    private static final double LENGTH_SEPARATION_MAX = 0.6;
    private static final double LENGTH_BIAS_MAX = 0.15;
    private static final double GENRE_SEPARATION_MIN = 0.95;
    private static final Set<String> GENRE_READOUTS = Set.of("density.percentile", "hull.percentile");
    private static final double PARAPHRASE_SEPARATION_MIN = 0.85;
    private static final Set<String> PARAPHRASE_READOUTS = Set.of("hull.percentile");
    private static final double MEDIAN_TOLERANCE = 10;

    static final List<String> DESCRIPTIONS = List.of(
            "length AUROC (unseen paragraphs vs unseen-joined) within 0.4-0.6, every readout",
            "|length bias| <= 0.15 for the unbounded readouts (1 - cosine, LOF, LoOP, hull distances)",
            "AUROC unseen vs other-genre >= 0.95 for density.percentile and hull.percentile (sentence, paragraph, "
                    + "pooled)",
            "AUROC paraphrase < unseen >= 0.85 for hull.percentile (sentence, paragraph, pooled)",
            "calibration: median of the percentile readouts over unseen at 50 +/- 10 at sentence, paragraph and "
                    + "joined granularity");

    private ValidityTargets() {
    }

    /** PASS, or FAIL with the figures that miss, for the ranking, separation and length targets. */
    static String ranking(ReadoutFigures figures) {
        List<String> failed = new ArrayList<>();
        if (!within(figures.lengthSeparation, LENGTH_SEPARATION_MIN, LENGTH_SEPARATION_MAX)) {
            failed.add("length AUROC " + format(figures.lengthSeparation));
        }
        if (figures.readout.kind() == Readout.Kind.UNBOUNDED && !(Math.abs(figures.lengthBias) <= LENGTH_BIAS_MAX)) {
            failed.add("length bias " + format(figures.lengthBias));
        }
        String name = figures.readout.name();
        for (Scope scope : Scope.values()) {
            double genre = figures.genreSeparation.get(scope);
            if (GENRE_READOUTS.contains(name) && !(genre >= GENRE_SEPARATION_MIN)) {
                failed.add("unseen<genre " + label(scope) + " " + format(genre));
            }
            double paraphrase = figures.paraphraseSeparation.get(scope);
            if (PARAPHRASE_READOUTS.contains(name) && !(paraphrase >= PARAPHRASE_SEPARATION_MIN)) {
                failed.add("paraphrase<unseen " + label(scope) + " " + format(paraphrase));
            }
        }
        return failed.isEmpty() ? "PASS" : "FAIL: " + String.join("; ", failed);
    }

    /** PASS or FAIL for the median of a percentile readout over unseen text; "-" for readouts of another kind. */
    static String calibration(ReadoutFigures figures) {
        if (figures.readout.kind() != Readout.Kind.PERCENTILE) {
            return "-";
        }
        List<String> failed = new ArrayList<>();
        figures.unseenMedian.forEach((granularity, median) -> {
            if (!within(median, 50 - MEDIAN_TOLERANCE, 50 + MEDIAN_TOLERANCE)) {
                failed.add(granularity.label() + " median " + String.format(Locale.ROOT, "%.1f", median));
            }
        });
        return failed.isEmpty() ? "PASS" : "FAIL: " + String.join("; ", failed);
    }

    /** False for NaN: a figure that could not be computed misses its target. */
    private static boolean within(double value, double min, double max) {
        return value >= min && value <= max;
    }

    private static String label(Scope scope) {
        return scope.name().toLowerCase(Locale.ROOT);
    }

    static String format(double value) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.2f", value);
    }
}
