package io.noveltylens.core.compare;

import java.nio.file.Path;

import io.noveltylens.core.annotate.AnnotationFormat;

/**
 * Where a comparison keeps each group's records as they are scored, so that a cancelled or failed comparison run
 * again scores only what is missing: a results file per group, {@code folder/NAME.results.jsonl} (an annotation
 * run's {@code ResultsFile}, its records carrying {@link PassageScore#MAP} too), and, with {@code exports}, the
 * annotation export {@code folder/NAME.jsonl} written from it once the group is complete.
 *
 * @param rerun what to do with a results file an earlier run left
 */
public record GroupFiles(Path folder, Rerun rerun, boolean exports) {

    /** What becomes of the results file of an earlier run. */
    public enum Rerun {
        /** Replaced: every passage is scored. */
        START_OVER,
        /** Continued; a file of another run (corpus, model, settings) is refused and left as it was. */
        RESUME,
        /** Continued; a file of another run is replaced. */
        RESUME_OR_START_OVER
    }

    static final String RESULTS_SUFFIX = ".results" + AnnotationFormat.JSON_LINES.extension();

    /** A group's results file. */
    public Path resultsFile(Group group) {
        return folder.resolve(group.fileStem() + RESULTS_SUFFIX);
    }
}
