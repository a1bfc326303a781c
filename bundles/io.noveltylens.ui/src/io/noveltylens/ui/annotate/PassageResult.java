package io.noveltylens.ui.annotate;

import io.noveltylens.core.analysis.NoveltyReport;
import io.noveltylens.core.corpus.Provenance;

/** One annotated passage: where it is and what core reported for it. */
public record PassageResult(Provenance passage, NoveltyReport report) {
}
