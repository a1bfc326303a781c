package io.noveltylens.ui.view;

import java.util.function.Consumer;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.core.runtime.jobs.Job;

import io.noveltylens.core.CancelledException;
import io.noveltylens.core.NoveltyException;
import io.noveltylens.core.NoveltyException.Kind;
import io.noveltylens.core.engine.NoveltyEngine;
import io.noveltylens.core.index.Neighbour;
import io.noveltylens.ui.Messages;
import io.noveltylens.ui.engine.EngineService;
import io.noveltylens.ui.engine.JobFamilies;
import io.noveltylens.ui.engine.MonitorProgress;

/**
 * Finds the corpus passage nearest a sentence of the heatmap (what the heatmap scored it against, with the same
 * exclusions), for the side-by-side reading: a search, so never on the UI thread.
 */
final class NearestPassageJob extends Job {

    private final String sentence;
    private final EngineService engines;
    private final Consumer<Neighbour> found;
    private final Consumer<NoveltyException> failed;

    /** {@code found} and {@code failed} run in the job's thread. */
    NearestPassageJob(String sentence, EngineService engines, Consumer<Neighbour> found,
            Consumer<NoveltyException> failed) {
        super(Messages.NearestPassageJob_name);
        this.sentence = sentence;
        this.engines = engines;
        this.found = found;
        this.failed = failed;
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        SubMonitor progress = SubMonitor.convert(monitor, Messages.NearestPassageJob_name, 2);
        try {
            NoveltyEngine engine = engines.acquire(progress.split(1));
            Neighbour nearest = engine
                    .analyze(sentence, engines.configs().exclusions(), 1, new MonitorProgress(progress.split(1)))
                    .neighbours().stream().filter(neighbour -> !neighbour.sources().isEmpty()).findFirst()
                    .orElseThrow(() -> new NoveltyException(Kind.BAD_INPUT, Messages.NearestPassageJob_none));
            found.accept(nearest);
            return Status.OK_STATUS;
        } catch (CancelledException | OperationCanceledException e) {
            return Status.CANCEL_STATUS;
        } catch (NoveltyException e) {
            failed.accept(e);
            return Status.OK_STATUS;
        }
    }

    @Override
    public boolean belongsTo(Object family) {
        return family == JobFamilies.SIDE_BY_SIDE;
    }
}
