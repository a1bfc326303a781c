package io.noveltylens.ui.engine;

import java.util.function.IntConsumer;

import io.noveltylens.core.Progress;
import io.noveltylens.core.WorkDone;

/**
 * Forwards a build's progress to the Progress view and tells the {@link EngineService} each time the overall
 * percentage changes, so that the Novelty view can show how far the rebuild it waits for is.
 */
final class RebuildProgress implements Progress {

    private final Progress delegate;
    private final IntConsumer percentChanged;
    private final WorkDone done = new WorkDone();
    private int percent = -1;

    RebuildProgress(Progress delegate, IntConsumer percentChanged) {
        this.delegate = delegate;
        this.percentChanged = percentChanged;
    }

    @Override
    public void begin(String task, int totalWork) {
        delegate.begin(task, totalWork);
        done.begin(totalWork);
        report();
    }

    @Override
    public void worked(int work) {
        delegate.worked(work);
        done.add(work);
        report();
    }

    @Override
    public void subTask(String name) {
        delegate.subTask(name);
    }

    @Override
    public boolean isCanceled() {
        return delegate.isCanceled();
    }

    private void report() {
        int now = done.percent();
        if (now != percent) {
            percent = now;
            percentChanged.accept(now);
        }
    }
}
