package io.noveltylens.ui.engine;

/**
 * Families of the jobs this bundle schedules, so that a user action can cancel stale work and tests can
 * {@code Job.getJobManager().join(family, monitor)} instead of sleeping.
 */
public final class JobFamilies {

    /** Loading the model and opening the index. */
    public static final Object ENGINE_LOAD = new Family("engine-load"); //$NON-NLS-1$

    /** Analysing the current selection for the Novelty view. */
    public static final Object ANALYSIS = new Family("analysis"); //$NON-NLS-1$

    /** Scoring the sentences of an editor for the heatmap. */
    public static final Object HEATMAP = new Family("heatmap"); //$NON-NLS-1$

    /** Annotating files with markers. */
    public static final Object ANNOTATION = new Family("annotation"); //$NON-NLS-1$

    /** Reading a corpus passage in its source for the side-by-side view. */
    public static final Object SIDE_BY_SIDE = new Family("side-by-side"); //$NON-NLS-1$

    /** Rebuilding the corpus index. */
    public static final Object INDEX_BUILD = new Family("index-build"); //$NON-NLS-1$

    /** Reading a saved document for its novelty history, or loading that history. */
    public static final Object HISTORY = new Family("history"); //$NON-NLS-1$

    /** Keeping the writer's drafts store up to date, and searching it for the view. */
    public static final Object DRAFTS = new Family("drafts"); //$NON-NLS-1$

    private JobFamilies() {
    }

    private record Family(String name) {
        @Override
        public String toString() {
            return "io.noveltylens.ui." + name; //$NON-NLS-1$
        }
    }
}
