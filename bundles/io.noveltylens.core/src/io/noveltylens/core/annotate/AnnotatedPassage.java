package io.noveltylens.core.annotate;

import io.noveltylens.core.analysis.NoveltyReport;
import io.noveltylens.core.corpus.Provenance;

/**
 * One occurrence of a passage in the annotated sources and its report. A passage repeated in several places gives one
 * {@code AnnotatedPassage} per place: a researcher counts and locates occurrences, not distinct texts.
 */
public record AnnotatedPassage(Provenance provenance, NoveltyReport report) {
}
