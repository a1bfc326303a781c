package io.noveltylens.core.compare;

import java.util.function.ToDoubleFunction;

import io.noveltylens.core.analysis.HullPercentiles;
import io.noveltylens.core.analysis.NoveltyReport;

/**
 * The calibrated readouts a comparison reads from each passage's report: percentiles against the corpus's own text
 * of the passage's length (docs/design.md, Calibration), so that groups of different lengths compare fairly. Higher
 * is more novel for all three. Named by their field paths in the annotation export.
 */
public enum Readout {
    DENSITY("density.percentile", "density percentile", report -> report.density().percentile()),
    HULL_DISTANCE("hull.percentile", "hull distance percentile", report -> hull(report).distance()),
    HULL_DEPTH("hull.depth.percentile", "depth shallowness percentile", report -> hull(report).depth());

    private final String field;
    private final String label;
    private final ToDoubleFunction<NoveltyReport> value;

    Readout(String field, String label, ToDoubleFunction<NoveltyReport> value) {
        this.field = field;
        this.label = label;
        this.value = value;
    }

    /** The percentile in {@code report}, NaN when the report has no hull readouts or the corpus no calibration. */
    public double of(NoveltyReport report) {
        return value.applyAsDouble(report);
    }

    private static HullPercentiles hull(NoveltyReport report) {
        return report.hull() == null || report.hull().percentiles() == null ? new HullPercentiles(Double.NaN,
                Double.NaN, "") : report.hull().percentiles();
    }

    /** The field path of the annotation export (JSON Lines, CSV header). */
    public String field() {
        return field;
    }

    public String label() {
        return label;
    }
}
