package io.noveltylens.core;

/**
 * A part of a parent task: the child reports in its own units, the parent advances by its share of
 * {@code parentUnits}. Like {@code SubMonitor.split}, without the Eclipse dependency.
 */
public final class ProgressSlice implements Progress {

    private final Progress parent;
    private final int parentUnits;
    private int total = -1;
    private long done;
    private int forwarded;

    public ProgressSlice(Progress parent, int parentUnits) {
        this.parent = parent;
        this.parentUnits = parentUnits;
    }

    @Override
    public void begin(String task, int totalWork) {
        total = totalWork;
        parent.subTask(task);
    }

    @Override
    public void worked(int work) {
        done += work;
        int due = total <= 0 ? 0 : (int) Math.min(parentUnits, done * parentUnits / total);
        if (due > forwarded) {
            parent.worked(due - forwarded);
            forwarded = due;
        }
    }

    @Override
    public void subTask(String name) {
        parent.subTask(name);
    }

    @Override
    public boolean isCanceled() {
        return parent.isCanceled();
    }

    /** Forwards whatever share of the parent's units is still owed, e.g. when a step finishes early. */
    public void done() {
        if (forwarded < parentUnits) {
            parent.worked(parentUnits - forwarded);
            forwarded = parentUnits;
        }
    }
}
