package io.noveltylens.core.compare;

import java.util.List;

import io.noveltylens.core.annotate.AnnotationSummary;

/** Every passage of one group, scored, and what its annotation run read and skipped. */
public record GroupScores(Group group, List<PassageScore> passages, AnnotationSummary summary) {

    public GroupScores {
        passages = List.copyOf(passages);
    }

    public String name() {
        return group.name();
    }

    /** The group's values of {@code readout}, without the passages that have none. */
    public double[] values(Readout readout) {
        return passages.stream().mapToDouble(p -> p.readout(readout)).filter(v -> !Double.isNaN(v)).toArray();
    }
}
