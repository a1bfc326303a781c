package io.noveltylens.ui.annotate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.noveltylens.core.annotate.ResultRow;

/**
 * The rows an annotation job has produced and the results view has not taken yet: the job adds a source file's rows
 * when the file is done, the view takes them on a timer, so a run over 100k passages sends the UI thread a few
 * batches a second instead of one runnable per passage.
 */
public final class AnnotationRun {

    private final List<ResultRow> pending = new ArrayList<>();
    private Path resultsFile;
    private boolean finished;
    private boolean replaced;
    private String resumed;

    /** Hands rows to the view; any thread. */
    public synchronized void add(List<ResultRow> rows) {
        pending.addAll(rows);
    }

    /**
     * Replaces every row the view holds with {@code rows}, for a run whose results file dropped the records of
     * passages that no longer exist; any thread.
     */
    public synchronized void replaceAll(List<ResultRow> rows) {
        pending.clear();
        pending.addAll(rows);
        replaced = true;
    }

    /**
     * The rows added since the last call, and whether they replace all rows taken before: one call, so that a
     * replacement cannot fall between the two.
     */
    synchronized Taken take() {
        Taken taken = new Taken(List.copyOf(pending), replaced);
        pending.clear();
        replaced = false;
        return taken;
    }

    /** What the view takes on its timer. */
    record Taken(List<ResultRow> rows, boolean replaceAll) {
    }

    /** The JSON Lines file that holds every record of the run: what the view exports. */
    public synchronized void resultsFile(Path file) {
        resultsFile = file;
    }

    public synchronized Path resultsFile() {
        return resultsFile;
    }

    /** Says that the run resumed an earlier run's results file, in words the view shows; any thread. */
    public synchronized void resumed(String note) {
        resumed = note;
    }

    /** What {@link #resumed(String)} said, or {@code null} for a run that resumed nothing. */
    public synchronized String resumed() {
        return resumed;
    }

    /** Says that no rows will follow (the job ended, however it ended). */
    public synchronized void finish() {
        finished = true;
    }

    public synchronized boolean finished() {
        return finished;
    }
}
