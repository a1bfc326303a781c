package io.noveltylens.ui.engine;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.osgi.util.NLS;

import io.noveltylens.core.CancelledException;
import io.noveltylens.core.NoveltyException;
import io.noveltylens.core.analysis.NoveltyReport;
import io.noveltylens.core.engine.NoveltyEngine;
import io.noveltylens.ui.Messages;

/**
 * Analyses one passage: the fast readouts first (tens of milliseconds), posted at once, then the hull readouts within
 * the hull budget, posted again. Outcomes go to a sink that is called on this job's thread; the presenter hops to the
 * display and drops outcomes of superseded jobs.
 */
public final class AnalysisJob extends Job {

    private final String text;
    private final EngineService engines;
    private final Sink sink;
    private volatile NoveltyEngine engine;

    /** Receives the outcomes of a job, on the job's thread. */
    @FunctionalInterface
    public interface Sink {
        void accept(AnalysisJob source, AnalysisOutcome outcome);
    }

    public AnalysisJob(String text, EngineService engines, Sink sink) {
        super(Messages.AnalysisJob_name);
        this.text = text;
        this.engines = engines;
        this.sink = sink;
    }

    public String text() {
        return text;
    }

    /** The engine this job analyses with, once it has one; null before. */
    NoveltyEngine engine() {
        return engine;
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        SubMonitor progress = SubMonitor.convert(monitor, Messages.AnalysisJob_name, 100);
        try {
            if (!(engines.state() instanceof EngineState.Ready
                    || engines.state() instanceof EngineState.Rebuilding rebuilding && rebuilding.previousAnswers())) {
                sink.accept(this, new AnalysisOutcome.Waiting());
            }
            engine = engines.acquire(progress.split(40));
            if (engine.corpusSuperseded()) {
                // the corpus was filled again: the engine opens the new version, and the view asks again once it is
                // ready (the old version is kept for a grace period, so nothing fails meanwhile)
                engines.reloadIfCurrent(engine);
                return Status.CANCEL_STATUS;
            }
            // k, the hull budget and the exclusions are read for each analysis: changing them does not reopen the engine
            NoveltyReport fast = engine.analyze(text, engines.configs().exclusions(), engines.configs().neighbours(),
                    new MonitorProgress(progress.split(10)));
            progress.checkCanceled();
            sink.accept(this, new AnalysisOutcome.Analysed(fast, true));
            sink.accept(this, withHull(fast, progress.split(50)));
            return Status.OK_STATUS;
        } catch (NoveltyException e) {
            if (!monitor.isCanceled()) {
                sink.accept(this, new AnalysisOutcome.Failed(e));
            }
            return Status.OK_STATUS;
        } catch (CancelledException | OperationCanceledException e) {
            return Status.CANCEL_STATUS;
        } catch (RuntimeException e) {
            // an engine bug must not leave the view waiting: show it, and log it for the report
            ILog.of(AnalysisJob.class).error(e.toString(), e);
            sink.accept(this, new AnalysisOutcome.Failed(new NoveltyException(NoveltyException.Kind.IO,
                    NLS.bind(Messages.AnalysisJob_internalError, e), e)));
            return Status.OK_STATUS;
        }
    }

    /** The report with its hull readouts; without them, and why, when the corpus cannot give them. */
    private AnalysisOutcome withHull(NoveltyReport fast, SubMonitor progress) {
        try {
            NoveltyReport full = engine.withHull(fast, engines.configs().hullBudget(), new MonitorProgress(progress));
            progress.checkCanceled();
            return new AnalysisOutcome.Analysed(full, false);
        } catch (NoveltyException e) {
            progress.checkCanceled();
            return new AnalysisOutcome.Analysed(fast, false, e);
        }
    }

    @Override
    public boolean belongsTo(Object family) {
        return family == JobFamilies.ANALYSIS;
    }
}
