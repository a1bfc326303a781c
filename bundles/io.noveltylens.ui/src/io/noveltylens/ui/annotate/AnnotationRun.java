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

    /** Hands rows to the view; any thread. */
    public synchronized void add(List<ResultRow> rows) {
        pending.addAll(rows);
    }

    /** The rows added since the last call. */
    synchronized List<ResultRow> take() {
        List<ResultRow> taken = List.copyOf(pending);
        pending.clear();
        return taken;
    }

    /** The JSON Lines file that holds every record of the run: what the view exports. */
    public synchronized void resultsFile(Path file) {
        resultsFile = file;
    }

    public synchronized Path resultsFile() {
        return resultsFile;
    }

    /** Says that no rows will follow (the job ended, however it ended). */
    public synchronized void finish() {
        finished = true;
    }

    public synchronized boolean finished() {
        return finished;
    }
}
