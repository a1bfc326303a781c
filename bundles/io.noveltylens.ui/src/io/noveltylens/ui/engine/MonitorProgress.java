package io.noveltylens.ui.engine;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;

import io.noveltylens.core.Progress;

/** Presents the engine's {@link Progress} on an Eclipse progress monitor, so the Progress view shows it and can cancel it. */
public final class MonitorProgress implements Progress {

    private final SubMonitor monitor;

    public MonitorProgress(IProgressMonitor monitor) {
        this.monitor = SubMonitor.convert(monitor);
    }

    @Override
    public void begin(String task, int totalWork) {
        // SubMonitor tolerates a second beginTask (it resets the remaining work), which a multi-step engine call may do
        monitor.beginTask(task, totalWork < 0 ? IProgressMonitor.UNKNOWN : totalWork);
    }

    @Override
    public void worked(int work) {
        monitor.worked(work);
    }

    @Override
    public void subTask(String name) {
        monitor.subTask(name);
    }

    @Override
    public boolean isCanceled() {
        return monitor.isCanceled();
    }
}
