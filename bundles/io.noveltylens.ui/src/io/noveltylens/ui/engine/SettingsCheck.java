package io.noveltylens.ui.engine;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.jface.operation.IRunnableWithProgress;

import io.noveltylens.core.NoveltyException;

/**
 * Something the preference page tries on Apply, before it stores the settings, in a progress dialog: a failure is
 * kept with core's message, which says what to fix, for the page to show inline.
 */
public abstract class SettingsCheck implements IRunnableWithProgress {

    private final String task;
    private final int work;
    private NoveltyException error;

    /** {@code work}: the units {@link #check} reports, or {@link IProgressMonitor#UNKNOWN}. */
    protected SettingsCheck(String task, int work) {
        this.task = task;
        this.work = work;
    }

    @Override
    public final void run(IProgressMonitor monitor) {
        SubMonitor progress = SubMonitor.convert(monitor, task, work);
        try {
            check(progress);
        } catch (NoveltyException e) {
            error = e;
        } finally {
            monitor.done();
        }
    }

    protected abstract void check(SubMonitor progress) throws NoveltyException;

    /** The failure; null when the settings work. */
    public final NoveltyException error() {
        return error;
    }
}
