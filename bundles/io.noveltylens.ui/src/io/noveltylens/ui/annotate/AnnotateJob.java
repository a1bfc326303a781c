package io.noveltylens.ui.annotate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IWorkspace;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.MultiStatus;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.osgi.util.NLS;

import io.noveltylens.core.CancelledException;
import io.noveltylens.core.NoveltyException;
import io.noveltylens.core.annotate.AnnotatedPassage;
import io.noveltylens.core.annotate.AnnotationSummary;
import io.noveltylens.core.annotate.CorpusAnnotator;
import io.noveltylens.core.corpus.SkippedSource;
import io.noveltylens.core.engine.NoveltyEngine;
import io.noveltylens.ui.Messages;
import io.noveltylens.ui.engine.EngineService;
import io.noveltylens.ui.engine.JobFamilies;
import io.noveltylens.ui.engine.MonitorProgress;
import io.noveltylens.ui.format.FailureText;
import io.noveltylens.ui.plugin.NoveltyLensPlugin;

/**
 * Annotate with Novelty Lens: core's {@link CorpusAnnotator} scores the fast readouts of every passage of the selected
 * resources; this job replaces their Novelty Lens markers with new ones and hands the results to the results view.
 * Cancelling stops within the passage being scored and writes no markers.
 */
public final class AnnotateJob extends Job {

    private final List<IResource> resources;
    private final EngineService engines;
    private final Consumer<List<AnnotatedPassage>> onDone;

    public AnnotateJob(List<IResource> resources, EngineService engines, Consumer<List<AnnotatedPassage>> onDone) {
        super(Messages.AnnotateJob_name);
        this.resources = List.copyOf(resources);
        this.engines = engines;
        this.onDone = onDone;
        setUser(true);
        setPriority(LONG);
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        SubMonitor progress = SubMonitor.convert(monitor, Messages.AnnotateJob_name, 100);
        try {
            NoveltyEngine engine = engines.acquire(progress.split(10));
            List<Path> roots = resources.stream().map(IResource::getLocation).filter(Objects::nonNull)
                    .map(location -> location.toPath()).toList();
            // the results table shows every passage anyway, so collecting them here costs nothing extra
            List<AnnotatedPassage> results = new ArrayList<>();
            AnnotationSummary summary = new CorpusAnnotator(engine, false).annotate(roots,
                    new MonitorProgress(progress.split(80)), results::add);
            writeMarkers(results, progress.split(10));
            onDone.accept(results);
            return outcome(summary);
        } catch (NoveltyException e) {
            return Status.error(FailureText.of(e), e);
        } catch (CoreException e) {
            return e.getStatus();
        } catch (CancelledException | OperationCanceledException e) {
            return Status.CANCEL_STATUS;
        }
    }

    /** The count, and each file that was not read with its reason, so that a missing file cannot go unnoticed. */
    private static IStatus outcome(AnnotationSummary summary) {
        MultiStatus status = new MultiStatus(NoveltyLensPlugin.PLUGIN_ID, 0,
                NLS.bind(Messages.AnnotateJob_done, summary.passages(), summary.skipped().size()));
        for (SkippedSource skipped : summary.skipped()) {
            status.add(Status.warning(NLS.bind(Messages.AnnotateJob_skipped,
                    new Object[] { skipped.source(), skipped.reason(), skipped.detail() })));
        }
        return status;
    }

    /** Replaces the old markers with the new ones in one workspace operation, so listeners see a single change. */
    private void writeMarkers(List<AnnotatedPassage> results, SubMonitor progress) throws CoreException {
        IWorkspace workspace = ResourcesPlugin.getWorkspace();
        workspace.run(monitor -> {
            for (IResource resource : resources) {
                resource.deleteMarkers(NoveltyMarkers.TYPE, true, IResource.DEPTH_INFINITE);
            }
            for (AnnotatedPassage result : results) {
                for (IFile file : workspace.getRoot()
                        .findFilesForLocationURI(Path.of(result.provenance().source()).toUri())) {
                    NoveltyMarkers.create(file, result);
                }
            }
        }, null, IWorkspace.AVOID_UPDATE, progress);
    }

    @Override
    public boolean belongsTo(Object family) {
        return family == JobFamilies.ANNOTATION;
    }
}
