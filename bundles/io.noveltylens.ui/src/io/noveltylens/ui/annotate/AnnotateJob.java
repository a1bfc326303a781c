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
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.osgi.util.NLS;

import io.noveltylens.core.CancelledException;
import io.noveltylens.core.NoveltyEngine;
import io.noveltylens.core.NoveltyException;
import io.noveltylens.core.corpus.CorpusPassage;
import io.noveltylens.core.corpus.CorpusReader;
import io.noveltylens.core.corpus.PassageSplitter;
import io.noveltylens.core.corpus.Provenance;
import io.noveltylens.core.index.IndexSettings;
import io.noveltylens.ui.Messages;
import io.noveltylens.ui.analysis.EngineService;
import io.noveltylens.ui.analysis.JobFamilies;
import io.noveltylens.ui.analysis.MonitorProgress;

/**
 * Annotate with Novelty Lens: splits the selected files into passages the way core splits a corpus, scores each
 * passage's fast readouts against the reference corpus, replaces the resources' Novelty Lens markers with new ones,
 * and hands the results to the results view. Cancelling stops between passages and writes no markers.
 */
public final class AnnotateJob extends Job {

    private final List<IResource> resources;
    private final EngineService engines;
    private final Consumer<List<PassageResult>> onDone;

    public AnnotateJob(List<IResource> resources, EngineService engines, Consumer<List<PassageResult>> onDone) {
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
            IndexSettings settings = IndexSettings.defaults();
            List<CorpusPassage> passages = new CorpusReader(new PassageSplitter(settings.maxPassageWords()),
                    settings.maxFileBytes()).read(roots, new MonitorProgress(progress.split(10))).passages();
            List<PassageResult> results = score(engine, passages, progress.split(70));
            writeMarkers(results, progress.split(10));
            onDone.accept(results);
            return Status.info(NLS.bind(Messages.AnnotateJob_done, results.size()));
        } catch (NoveltyException e) {
            return Status.error(e.getMessage(), e);
        } catch (CoreException e) {
            return e.getStatus();
        } catch (CancelledException | OperationCanceledException e) {
            return Status.CANCEL_STATUS;
        }
    }

    private static List<PassageResult> score(NoveltyEngine engine, List<CorpusPassage> passages, SubMonitor progress)
            throws NoveltyException {
        progress.setWorkRemaining(passages.size());
        List<PassageResult> results = new ArrayList<>();
        for (CorpusPassage passage : passages) {
            progress.subTask(NLS.bind(Messages.AnnotateJob_passage, results.size() + 1, passages.size()));
            var report = engine.analyze(passage.text(), new MonitorProgress(progress.split(1)));
            // identical passages are read once: each place they occur gets its own result and marker
            for (Provenance source : passage.sources()) {
                results.add(new PassageResult(source, report));
            }
        }
        return results;
    }

    /** Replaces the old markers with the new ones in one workspace operation, so listeners see a single change. */
    private void writeMarkers(List<PassageResult> results, SubMonitor progress) throws CoreException {
        IWorkspace workspace = ResourcesPlugin.getWorkspace();
        workspace.run(monitor -> {
            for (IResource resource : resources) {
                resource.deleteMarkers(NoveltyMarkers.TYPE, true, IResource.DEPTH_INFINITE);
            }
            for (PassageResult result : results) {
                for (IFile file : workspace.getRoot().findFilesForLocationURI(Path.of(result.passage().source()).toUri())) {
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
