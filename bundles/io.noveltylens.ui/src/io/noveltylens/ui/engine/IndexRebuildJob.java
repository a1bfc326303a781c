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
 * Builds the index the preferences call for (see {@link IndexPlan}) with the model they choose, or upgrades an index
 * an older version of Novelty Lens wrote: from the preferences' sources when the UI builds that index, else from the
 * files the index records (an index folder the user chose). The plan is read when
 * the job runs, not when it is scheduled: the preference page stores several keys at once, and the last one wins.
 * Core builds incrementally (only passages missing from the model's embedding cache are embedded) into a new
 * generation that it publishes only when complete, so cancelling leaves the previous index as it was. The
 * {@link EngineService} schedules this job and learns how it ended from its result (a job cancelled before it ran
 * ends too, with a cancel status).
 */
public final class IndexRebuildJob extends Job {

    private final EngineService engines;
    /** The index this job upgrades, or null for a rebuild the preferences call for. */
    private final IndexMetadata outdated;

    IndexRebuildJob(EngineService engines) {
        this(engines, null, Messages.IndexRebuildJob_name);
    }

    /** Upgrades {@code outdated}, the index the engine has open, to this version's format. */
    IndexRebuildJob(EngineService engines, IndexMetadata outdated) {
        this(engines, outdated, NLS.bind(Messages.IndexRebuildJob_upgradeName, outdated.formatVersion(),
                IndexMetadata.FORMAT_VERSION));
    }

    private IndexRebuildJob(EngineService engines, IndexMetadata outdated, String name) {
        super(name);
        this.engines = engines;
        this.outdated = outdated;
        // in the Progress view with its cancel button, but no modal progress dialog: a preference change starts it
        setPriority(LONG);
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        try {
            IndexPlan plan = engines.configs().indexPlan();
            if (!plan.rebuildable() && !isUpgrade()) {
                return Status.OK_STATUS;
            }
            RebuildProgress progress = new RebuildProgress(new MonitorProgress(monitor),
                    percent -> engines.rebuildProgressed(this, percent));
            progress.begin(Messages.IndexRebuildJob_loadingModel, IProgressMonitor.UNKNOWN);
            CorpusBuild build = new CorpusBuild(engines.configs().modelDir(), engines.configs().cacheDir());
            IndexMetadata built = plan.rebuildable()
                    ? build.index(plan.sources(), plan.settings(), plan.indexDir(), progress)
                    : build.rebuild(plan.indexDir(), progress);
            return Status.info(isUpgrade()
                    ? NLS.bind(Messages.IndexRebuildJob_upgradeDone, built.formatVersion(), built.passages(),
                            built.embedded())
                    : NLS.bind(Messages.IndexRebuildJob_done, built.passages(), built.embedded()));
        } catch (NoveltyException e) {
            return Status.error(e.getMessage(), e);
        } catch (CancelledException e) {
            return Status.CANCEL_STATUS;
        }
    }

    /** Whether this job upgrades an index of an older format, which answers until the job has replaced it. */
    boolean isUpgrade() {
        return outdated != null;
    }

    @Override
    public boolean belongsTo(Object family) {
        return family == JobFamilies.INDEX_BUILD;
    }
}
