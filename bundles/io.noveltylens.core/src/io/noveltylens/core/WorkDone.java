package io.noveltylens.core;

/**
 * How much of a task is done, as a share of some number of units: a percentage for a display, a parent's units for a
 * {@link ProgressSlice}. The count of every {@link Progress} that shows or forwards progress, so that all of them round
 * alike: down, never past the whole, and 0 while the total is unknown.
 */
public final class WorkDone {

    private int total;
    private long done;

    /** Starts counting a task of {@code totalWork} units (0 or less: unknown). */
    public void begin(int totalWork) {
        total = totalWork;
        done = 0;
    }

    public void add(int work) {
        done += work;
    }

    /** The part of {@code units} that the work done makes of the total, rounded down and at most {@code units}. */
    public int share(int units) {
        return total <= 0 ? 0 : (int) Math.min(units, done * units / total);
    }

    public int percent() {
        return share(100);
    }
}
