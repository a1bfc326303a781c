package io.noveltylens.ui.engine;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;

import io.noveltylens.core.engine.NoveltyEngine;
import io.noveltylens.ui.Messages;

/** Closes a replaced engine once the jobs that may still hold it have finished, so none of them reads a closed index. */
final class EngineCloseJob extends Job {

    private final NoveltyEngine engine;

    EngineCloseJob(NoveltyEngine engine) {
        super(Messages.EngineCloseJob_name);
        this.engine = engine;
        setSystem(true);
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        try {
            for (Object family : new Object[] { JobFamilies.ANALYSIS, JobFamilies.HEATMAP, JobFamilies.ANNOTATION }) {
                Job.getJobManager().join(family, monitor);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (OperationCanceledException e) {
            // closing anyway: the old engine must not outlive the preferences that made it
        }
        EngineService.closeQuietly(engine);
        return Status.OK_STATUS;
    }
}
