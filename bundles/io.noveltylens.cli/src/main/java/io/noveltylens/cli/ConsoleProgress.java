package io.noveltylens.cli;

import java.io.PrintStream;

import io.noveltylens.core.Progress;
import io.noveltylens.core.WorkDone;

/**
 * Progress on standard error: a redrawn line on a terminal, a line every 10 % otherwise (logs, CI). Standard output
 * stays clean for the results.
 */
final class ConsoleProgress implements Progress {

    private final PrintStream err;
    private final boolean terminal;
    private String task = "";
    private String step = "";
    private final WorkDone done = new WorkDone();
    private int lastShown = -1;

    ConsoleProgress(PrintStream err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    @Override
    public synchronized void begin(String name, int totalWork) {
        task = name;
        done.begin(totalWork);
        lastShown = -1;
        show();
    }

    @Override
    public synchronized void worked(int work) {
        done.add(work);
        show();
    }

    @Override
    public synchronized void subTask(String name) {
        step = name;
        if (terminal) {
            show();
        }
    }

    /** A killed CLI needs no cancellation: builds are atomic and resumable (see IndexBuilder). */
    @Override
    public boolean isCanceled() {
        return false;
    }

    private void show() {
        int percent = done.percent();
        if (terminal) {
            err.print("\r" + task + " " + percent + "% " + step + "\u001b[K");
            if (percent == 100) {
                err.println();
            }
        } else if (percent / 10 != lastShown / 10 || lastShown < 0) {
            err.println(task + ": " + percent + "% " + step);
        }
        lastShown = percent;
    }
}
