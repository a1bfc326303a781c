package io.noveltylens.ui.engine;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.osgi.util.NLS;

import io.noveltylens.core.CancelledException;
import io.noveltylens.core.NoveltyException;
import io.noveltylens.core.engine.CorpusBuild;
import io.noveltylens.core.index.IndexMetadata;
import io.noveltylens.ui.Messages;

/**
 * Builds the index the preferences call for (see {@link IndexPlan}) with the model they choose. The plan is read when
 * the job runs, not when it is scheduled: the preference page stores several keys at once, and the last one wins.
 * Core builds incrementally (only passages missing from the model's embedding cache are embedded) into a new
 * generation that it publishes only when complete, so cancelling leaves the previous index as it was. The
 * {@link EngineService} schedules this job and learns how it ended from its result (a job cancelled before it ran
 * ends too, with a cancel status).
 */
public final class IndexRebuildJob extends Job {

    private final EngineService engines;

    IndexRebuildJob(EngineService engines) {
        super(Messages.IndexRebuildJob_name);
        this.engines = engines;
        // in the Progress view with its cancel button, but no modal progress dialog: a preference change starts it
        setPriority(LONG);
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        try {
            IndexPlan plan = engines.configs().indexPlan();
            if (!plan.rebuildable()) {
                return Status.OK_STATUS;
            }
            RebuildProgress progress = new RebuildProgress(new MonitorProgress(monitor),
                    percent -> engines.rebuildProgressed(this, percent));
            progress.begin(Messages.IndexRebuildJob_loadingModel, IProgressMonitor.UNKNOWN);
            IndexMetadata built = new CorpusBuild(engines.configs().modelDir(), engines.configs().cacheDir())
                    .index(plan.sources(), plan.settings(), plan.indexDir(), progress);
            return Status.info(NLS.bind(Messages.IndexRebuildJob_done, built.passages(), built.embedded()));
        } catch (NoveltyException e) {
            return Status.error(e.getMessage(), e);
        } catch (CancelledException e) {
            return Status.CANCEL_STATUS;
        }
    }

    @Override
    public boolean belongsTo(Object family) {
        return family == JobFamilies.INDEX_BUILD;
    }
}
