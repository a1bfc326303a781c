package io.noveltylens.ui.engine;

import io.noveltylens.core.NoveltyException;
import io.noveltylens.core.analysis.NoveltyReport;

/** What an {@link AnalysisJob} posts to its presenter, in order: possibly {@link Waiting}, then a report or a failure. */
public sealed interface AnalysisOutcome {

    /** The engine is still loading; the analysis continues once it is ready. */
    record Waiting() implements AnalysisOutcome {
    }

    /**
     * A report; {@code hullPending} while the hull readouts (the slow part) are still being computed;
     * {@code hullFailure} when they could not be computed (the fast readouts stand), else null.
     */
    record Analysed(NoveltyReport report, boolean hullPending, NoveltyException hullFailure)
            implements AnalysisOutcome {

        public Analysed(NoveltyReport report, boolean hullPending) {
            this(report, hullPending, null);
        }
    }

    record Failed(NoveltyException error) implements AnalysisOutcome {
    }
}
