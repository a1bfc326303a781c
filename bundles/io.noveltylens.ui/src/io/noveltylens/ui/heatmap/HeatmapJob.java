package io.noveltylens.ui.heatmap;

import java.util.List;
import java.util.function.Consumer;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.core.runtime.jobs.Job;

import io.noveltylens.core.CancelledException;
import io.noveltylens.core.NoveltyException;
import io.noveltylens.core.analysis.SentenceReadout;
import io.noveltylens.ui.Messages;
import io.noveltylens.ui.analysis.EngineService;
import io.noveltylens.ui.analysis.JobFamilies;
import io.noveltylens.ui.analysis.MonitorProgress;

/** Scores the sentences of a snapshot of an editor's text in the background; the result goes to the editor's heatmap. */
final class HeatmapJob extends Job {

    private final String text;
    private final EngineService engines;
    private final Consumer<List<SentenceReadout>> onScored;
    private final Consumer<NoveltyException> onFailed;

    HeatmapJob(String text, EngineService engines, Consumer<List<SentenceReadout>> onScored,
            Consumer<NoveltyException> onFailed) {
        super(Messages.HeatmapJob_name);
        this.text = text;
        this.engines = engines;
        this.onScored = onScored;
        this.onFailed = onFailed;
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        SubMonitor progress = SubMonitor.convert(monitor, 100);
        try {
            List<SentenceReadout> sentences = engines.acquire(progress.split(30))
                    .sentences(text, new MonitorProgress(progress.split(70)));
            progress.checkCanceled();
            onScored.accept(sentences);
            return Status.OK_STATUS;
        } catch (NoveltyException e) {
            onFailed.accept(e);
            return Status.OK_STATUS;
        } catch (CancelledException | OperationCanceledException e) {
            return Status.CANCEL_STATUS;
        }
    }

    @Override
    public boolean belongsTo(Object family) {
        return family == JobFamilies.HEATMAP;
    }
}
