package io.noveltylens.ui.analysis;

import io.noveltylens.core.NoveltyException;
import io.noveltylens.core.analysis.NoveltyReport;

/** What an {@link AnalysisJob} posts to its presenter, in order: possibly {@link Waiting}, then a report or a failure. */
public sealed interface AnalysisOutcome {

    /** The engine is still loading; the analysis continues once it is ready. */
    record Waiting() implements AnalysisOutcome {
    }

    /** A report; {@code hullPending} while the hull readouts (the slow part) are still being computed. */
    record Analysed(NoveltyReport report, boolean hullPending) implements AnalysisOutcome {
    }

    record Failed(NoveltyException error) implements AnalysisOutcome {
    }
}
