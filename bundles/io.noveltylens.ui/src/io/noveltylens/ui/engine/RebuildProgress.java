package io.noveltylens.ui.engine;

import java.util.function.IntConsumer;

import io.noveltylens.core.Progress;

/**
 * Forwards a build's progress to the Progress view and tells the {@link EngineService} each time the overall
 * percentage changes, so that the Novelty view can show how far the rebuild it waits for is.
 */
final class RebuildProgress implements Progress {

    private final Progress delegate;
    private final IntConsumer percentChanged;
    private int total;
    private long done;
    private int percent = -1;

    RebuildProgress(Progress delegate, IntConsumer percentChanged) {
        this.delegate = delegate;
        this.percentChanged = percentChanged;
    }

    @Override
    public void begin(String task, int totalWork) {
        delegate.begin(task, totalWork);
        total = totalWork;
        done = 0;
        report();
    }

    @Override
    public void worked(int work) {
        delegate.worked(work);
        done += work;
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
        int now = total <= 0 ? 0 : (int) Math.min(100, done * 100 / total);
        if (now != percent) {
            percent = now;
            percentChanged.accept(now);
        }
    }
}
