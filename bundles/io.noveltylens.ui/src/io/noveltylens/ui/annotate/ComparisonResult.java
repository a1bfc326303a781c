package io.noveltylens.ui.annotate;

import java.util.List;

import io.noveltylens.core.analysis.PrincipalPlane;
import io.noveltylens.core.compare.Comparison;
import io.noveltylens.core.compare.GroupScores;
import io.noveltylens.core.report.RunDescription;

/**
 * A finished comparison, as the view shows it and the report exports it: core's groups, statistics and plane, how
 * the run was made, and the three plots already drawn as PNG (in the job, off the UI thread).
 */
public record ComparisonResult(List<GroupScores> groups, Comparison comparison, PrincipalPlane plane,
        RunDescription run, List<byte[]> plots) {

    public ComparisonResult {
        groups = List.copyOf(groups);
        plots = List.copyOf(plots);
    }
}
