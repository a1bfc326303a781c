package io.noveltylens.ui.engine;

import java.util.function.Consumer;

import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.progress.IWorkbenchSiteProgressService;

/**
 * Runs at most one live analysis for a presenter: a new request cancels the previous job (stale work) and schedules
 * a new one after the debounce delay, and only outcomes of the newest job reach the presenter, on the display thread.
 */
public final class AnalysisScheduler {

    private final EngineService engines;
    private final Display display;
    private final IWorkbenchSiteProgressService siteProgress;
    private final Consumer<AnalysisOutcome> presenter;

    private AnalysisJob current;
    private boolean disposed;

    /**
     * @param siteProgress schedules through the view's site, so the view's tab shows that it is busy; may be null
     */
    public AnalysisScheduler(EngineService engines, Display display, IWorkbenchSiteProgressService siteProgress,
            Consumer<AnalysisOutcome> presenter) {
        this.engines = engines;
        this.display = display;
        this.siteProgress = siteProgress;
        this.presenter = presenter;
    }

    /** Analyses {@code text} after {@code delayMillis}, unless another request comes first. */
    public synchronized void request(String text, long delayMillis) {
        if (disposed) {
            return;
        }
        if (current != null) {
            current.cancel();
        }
        current = new AnalysisJob(text, engines, this::deliver);
        if (siteProgress != null) {
            siteProgress.schedule(current, delayMillis);
        } else {
            current.schedule(delayMillis);
        }
    }

    private void deliver(AnalysisJob source, AnalysisOutcome outcome) {
        if (display.isDisposed()) {
            return;
        }
        display.asyncExec(() -> {
            // a report computed by an engine the preferences have since replaced (another model) is never shown
            if (isCurrent(source)
                    && !(outcome instanceof AnalysisOutcome.Analysed && !engines.isCurrent(source.engine()))) {
                presenter.accept(outcome);
            }
        });
    }

    private synchronized boolean isCurrent(AnalysisJob job) {
        return !disposed && job == current;
    }

    public synchronized void dispose() {
        disposed = true;
        if (current != null) {
            current.cancel();
        }
    }
}
