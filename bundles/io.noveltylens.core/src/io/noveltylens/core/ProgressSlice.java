package io.noveltylens.core;

/**
 * A part of a parent task: the child reports in its own units, the parent advances by its share of
 * {@code parentUnits}. Like {@code SubMonitor.split}, without the Eclipse dependency.
 */
public final class ProgressSlice implements Progress {

    private final Progress parent;
    private final int parentUnits;
    private final WorkDone work = new WorkDone();
    private int forwarded;

    public ProgressSlice(Progress parent, int parentUnits) {
        this.parent = parent;
        this.parentUnits = parentUnits;
    }

    @Override
    public void begin(String task, int totalWork) {
        work.begin(totalWork);
        parent.subTask(task);
    }

    @Override
    public void worked(int units) {
        work.add(units);
        int due = work.share(parentUnits);
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
