package io.noveltylens.core;

import java.util.function.BooleanSupplier;

/**
 * Progress and cancellation for long engine operations. The IDE adapts an {@code IProgressMonitor}/{@code SubMonitor}
 * to it, the CLI a progress line on stderr; the engine never depends on either.
 */
public interface Progress {

    /** A sink that reports nothing and is never cancelled. */
    Progress NONE = cancelledWhen(() -> false);

    /**
     * A sink that reports nothing and is cancelled when {@code cancelled} says so: for work whose progress another
     * sink already shows (one passage of a batch), and for tests.
     */
    static Progress cancelledWhen(BooleanSupplier cancelled) {
        return new Progress() {
            @Override
            public void begin(String task, int totalWork) {
                // reported elsewhere, or nowhere
            }

            @Override
            public void worked(int work) {
                // reported elsewhere, or nowhere
            }

            @Override
            public boolean isCanceled() {
                return cancelled.getAsBoolean();
            }
        };
    }

    /** Starts a task of {@code totalWork} units (or {@code -1} when unknown). */
    void begin(String task, int totalWork);

    /** Reports {@code work} more units done. */
    void worked(int work);

    /** Names the step now running, within the task. */
    default void subTask(String name) {
    }

    boolean isCanceled();

    /** Throws {@link CancelledException} when the user has asked to stop. Call it between units of work. */
    default void checkCanceled() {
        if (isCanceled()) {
            throw new CancelledException();
        }
    }
}
