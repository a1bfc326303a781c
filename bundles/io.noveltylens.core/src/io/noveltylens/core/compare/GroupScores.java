package io.noveltylens.core.compare;

import java.util.List;

import io.noveltylens.core.annotate.AnnotationSummary;

/**
 * Every passage of one group, scored, what its annotation run read and skipped, and what became of the results file
 * an earlier run left ({@code null} for a group scored in memory only).
 */
public record GroupScores(Group group, List<PassageScore> passages, AnnotationSummary summary,
        ResumedFile resultsFile) {

    public GroupScores {
        passages = List.copyOf(passages);
    }

    /** A group scored in memory only. */
    public GroupScores(Group group, List<PassageScore> passages, AnnotationSummary summary) {
        this(group, passages, summary, null);
    }

    public String name() {
        return group.name();
    }

    /** The group's values of {@code readout}, without the passages that have none. */
    public double[] values(Readout readout) {
        return passages.stream().mapToDouble(p -> p.readout(readout)).filter(v -> !Double.isNaN(v)).toArray();
    }
}
