package io.noveltylens.ui.engine;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.osgi.util.NLS;

import io.noveltylens.core.CancelledException;
import io.noveltylens.core.NoveltyException;
import io.noveltylens.core.engine.EngineConfig;
import io.noveltylens.core.engine.NoveltyEngine;
import io.noveltylens.solr.CorpusEngines;
import io.noveltylens.ui.Messages;

/**
 * Loads the model and opens the index, or the SolrCloud collection the preferences choose. A user job (not a system
 * one), so that the first load, which takes seconds, shows in the Progress view and in the status line. A failure is
 * not an error dialog: the Novelty view shows it with the fix, so the job ends OK and hands the error to the
 * {@link EngineService}.
 */
final class EngineLoadJob extends Job {

    private final EngineService service;
    private final EngineConfigFactory configs;

    EngineLoadJob(EngineService service, EngineConfigFactory configs) {
        super(Messages.EngineLoadJob_name);
        this.service = service;
        this.configs = configs;
        setPriority(LONG);
    }

    /**
     * Loads the hull data and runs the solvers once (about a second for the default corpus) while the first
     * selections get their fast readouts, so that the first hull readout spends its budget on the passage with
     * compiled solvers. A failure here is left to that readout, which reports it in the view with the fix.
     */
    private static void prepareHull(NoveltyEngine engine) {
        try {
            engine.warmUpHull();
        } catch (NoveltyException | RuntimeException e) {
            // reported by the first hull readout, which hits the same cause
        }
    }

    /** Core reports the steps of opening a local index; a collection's Progress entry says which one it waits for. */
    private static NoveltyEngine open(EngineConfig config, IndexPlan plan, IProgressMonitor monitor)
            throws NoveltyException {
        SubMonitor progress = SubMonitor.convert(monitor);
        if (plan.collection() != null) {
            progress.setTaskName(NLS.bind(Messages.EngineLoadJob_openingCollection, plan.collection()));
        }
        return CorpusEngines.open(config, plan.collection(), new MonitorProgress(progress));
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        IndexPlan plan = null;
        try {
            String model = configs.modelKey();
            plan = configs.indexPlan();
            EngineConfig config = configs.create(plan);
            NoveltyEngine engine = open(config, plan, monitor);
            service.loaded(this, engine, model, plan);
            prepareHull(engine);
            return Status.OK_STATUS;
        } catch (NoveltyException e) {
            service.failed(this, e, plan != null && plan.rebuildable());
            return Status.OK_STATUS;
        } catch (CancelledException e) {
            service.failed(this, null, false);
            return Status.CANCEL_STATUS;
        }
    }

    @Override
    public boolean belongsTo(Object family) {
        return family == JobFamilies.ENGINE_LOAD;
    }
}
