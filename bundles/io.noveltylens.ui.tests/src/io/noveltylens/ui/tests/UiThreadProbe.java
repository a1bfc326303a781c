package io.noveltylens.ui.tests;

import org.eclipse.swt.widgets.Display;

/**
 * Measures how long the UI thread is kept from its event loop: a timer asks to run every {@link #PERIOD_MILLIS}, and
 * the stall is how much later than that it actually runs. Only meaningful while the test runs the event loop itself
 * ({@link UiTestSupport#runEventLoopUntil}), not while it joins jobs on the UI thread.
 */
final class UiThreadProbe implements Runnable {

    static final int PERIOD_MILLIS = 10;

    private final Display display;
    private long last;
    private long maxStallNanos;
    private boolean running;

    UiThreadProbe(Display display) {
        this.display = display;
    }

    void start() {
        running = true;
        last = System.nanoTime();
        display.timerExec(PERIOD_MILLIS, this);
    }

    @Override
    public void run() {
        long now = System.nanoTime();
        maxStallNanos = Math.max(maxStallNanos, now - last - PERIOD_MILLIS * 1_000_000L);
        last = now;
        if (running) {
            display.timerExec(PERIOD_MILLIS, this);
        }
    }

    /** Stops the timer and returns the longest stall seen, in milliseconds. */
    long stop() {
        running = false;
        display.timerExec(-1, this);
        return maxStallNanos / 1_000_000;
    }
}
