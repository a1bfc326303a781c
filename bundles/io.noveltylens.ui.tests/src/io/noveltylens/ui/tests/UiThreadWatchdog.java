package io.noveltylens.ui.tests;

import java.util.ArrayDeque;
import java.util.Deque;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Listener;

/**
 * Times everything the UI thread dispatches while a test runs: each event and each runnable posted with
 * {@code asyncExec} or {@code syncExec} is framed by SWT's {@code PreEvent} and {@code PostEvent} (as the workbench's
 * own freeze monitor, org.eclipse.ui.monitoring, times the event loop). The stall of one dispatch is its time minus
 * the time of dispatches nested in it, so a handler that spins the event loop is not charged for what it dispatches.
 * The test's own code runs outside any dispatch and is not timed: what is timed is what the plug-in runs on the UI
 * thread (a report rendered, heatmap annotations replaced, a listener). {@link WorkbenchFixture} runs it around every
 * workbench test and fails the test on a stall over {@link #LIMIT_MILLIS} (issue 16: no UI-thread stall over 100 ms).
 */
final class UiThreadWatchdog implements Listener {

    static final long LIMIT_MILLIS = 100;

    private final Display display;
    /** Per dispatch under way, innermost first: its start and the time of the dispatches nested in it (ns). */
    private final Deque<long[]> open = new ArrayDeque<>();
    private long longestNanos;
    private int longestType;

    UiThreadWatchdog(Display display) {
        this.display = display;
    }

    void start() {
        display.addListener(SWT.PreEvent, this);
        display.addListener(SWT.PostEvent, this);
    }

    @Override
    public void handleEvent(Event event) {
        long now = System.nanoTime();
        if (event.type == SWT.PreEvent) {
            open.push(new long[] { now, 0 });
        } else if (!open.isEmpty()) {
            long[] dispatch = open.pop();
            long total = now - dispatch[0];
            if (!open.isEmpty()) {
                open.peek()[1] += total;
            }
            long own = total - dispatch[1];
            if (own > longestNanos) {
                longestNanos = own;
                // the type of the event dispatched; SWT.None for a runnable
                longestType = event.detail;
            }
        }
    }

    /** Stops timing and returns the longest stall, in milliseconds. */
    long stop() {
        display.removeListener(SWT.PreEvent, this);
        display.removeListener(SWT.PostEvent, this);
        return longestNanos / 1_000_000;
    }

    /** What the longest stall dispatched, for the failure message. */
    String longestDispatch() {
        return longestType == SWT.None ? "a runnable (asyncExec or syncExec)" : "SWT event type " + longestType;
    }
}
