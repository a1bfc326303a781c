package io.noveltylens.core.annotate;

import java.util.List;

import io.noveltylens.core.corpus.SkippedSource;

/**
 * What an annotation run covered: the files read, the passages annotated (every occurrence counts) and the sources
 * skipped with their reasons, which presenters show so that a silently missing file cannot go unnoticed.
 */
public record AnnotationSummary(int files, int passages, List<SkippedSource> skipped) {

    public AnnotationSummary {
        skipped = List.copyOf(skipped);
    }
}
