package io.noveltylens.core.annotate;

import java.util.List;

import io.noveltylens.core.corpus.Provenance;
import io.noveltylens.core.corpus.SkippedSource;

/**
 * What an annotation run covered: the files read, the passages annotated (every occurrence counts), the passages a
 * resumed run found already in its results file, the passages the exclusions left out entirely (not scored: nothing
 * of them was left to score) and the sources skipped with their reasons, which presenters show so that a silently
 * missing file or passage cannot go unnoticed.
 */
public record AnnotationSummary(int files, int passages, int resumed, List<Provenance> leftOut,
        List<SkippedSource> skipped) {

    public AnnotationSummary {
        leftOut = List.copyOf(leftOut);
        skipped = List.copyOf(skipped);
    }

    /** A run that resumed nothing and left nothing out. */
    public AnnotationSummary(int files, int passages, List<SkippedSource> skipped) {
        this(files, passages, 0, List.of(), skipped);
    }
}
