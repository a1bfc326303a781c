package io.noveltylens.ui.annotate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

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
import io.noveltylens.core.annotate.AnnotationSink;
import io.noveltylens.core.annotate.AnnotationSummary;
import io.noveltylens.core.annotate.CorpusAnnotator;
import io.noveltylens.core.annotate.ResultRow;
import io.noveltylens.core.annotate.ResultsFile;
import io.noveltylens.core.annotate.ResultsHeader;
import io.noveltylens.core.corpus.SkippedSource;
import io.noveltylens.core.corpus.TextNormalization;
import io.noveltylens.core.engine.NoveltyEngine;
import io.noveltylens.core.exclude.Exclusions;
import io.noveltylens.ui.Messages;
import io.noveltylens.ui.engine.EngineService;
import io.noveltylens.ui.engine.JobFamilies;
import io.noveltylens.ui.engine.MonitorProgress;
import io.noveltylens.ui.format.FailureText;
import io.noveltylens.ui.format.ReadoutFormat;
import io.noveltylens.ui.plugin.NoveltyLensPlugin;

/**
 * Annotate with Novelty Lens: core's {@link CorpusAnnotator} scores the fast readouts of every passage of the selected
 * resources, leaving out what the exclusion preferences say. Every record goes to a results file in the plug-in's
 * state location, one per selection, flushed after each source file; the rows go to the results view as each file is
 * done. Annotating the same selection again resumes that file: passages it holds are not scored again (a file of
 * another corpus, model or settings is started over, and the job says so). A complete run drops the records of
 * passages edited or deleted since the earlier run from the file and the view. At the end the resources' Novelty
 * Lens markers are replaced; a cancelled run keeps its file and writes no markers.
 */
public final class AnnotateJob extends Job {

    private final List<IResource> resources;
    private final EngineService engines;
    private final AnnotationRun run;
    private final Path resultsDir;

    /**
     * @param resultsDir where the results files of the selections live
     */
    public AnnotateJob(List<IResource> resources, EngineService engines, AnnotationRun run, Path resultsDir) {
        super(Messages.AnnotateJob_name);
        this.resources = List.copyOf(resources);
        this.engines = engines;
        this.run = run;
        this.resultsDir = resultsDir;
        setUser(true);
        setPriority(LONG);
    }

    /** Where the IDE keeps the results files of its annotation runs: the plug-in's state location. */
    public static Path resultsDir(NoveltyLensPlugin plugin) {
        return plugin.getStateLocation().toPath().resolve("annotations"); //$NON-NLS-1$
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        SubMonitor progress = SubMonitor.convert(monitor, Messages.AnnotateJob_name, 100);
        try {
            NoveltyEngine engine = engines.acquire(progress.split(10));
            List<Path> roots = resources.stream().map(IResource::getLocation).filter(Objects::nonNull)
                    .map(location -> location.toPath()).toList();
            Exclusions exclusions = engines.configs().exclusions();
            ResultsHeader header = ResultsHeader.of(engine, false, exclusions);
            Path file = resultsFile(roots);
            // every row of the run, for the markers; the view shares the same row objects
            List<ResultRow> rows = new ArrayList<>();
            IStatus startedOver = null;
            ResultsFile results;
            try {
                results = ResultsFile.resume(file, header, rows::add);
            } catch (NoveltyException e) {
                if (e.kind() != NoveltyException.Kind.BAD_INPUT) {
                    throw e;
                }
                startedOver = Status.info(NLS.bind(Messages.AnnotateJob_startedOver, e.getMessage()));
                rows.clear();
                results = ResultsFile.create(file, header);
            }
            run.resultsFile(file);
            run.add(rows);
            AnnotationSummary summary;
            int dropped;
            try (ResultsFile out = results) {
                summary = new CorpusAnnotator(engine, false, exclusions).annotate(roots, out::resumes,
                        new MonitorProgress(progress.split(80)), new RowsToView(out, rows));
                dropped = out.complete();
            }
            if (dropped > 0) {
                // rows of passages edited or deleted since the earlier run are gone from the file: no marker for them
                rows.clear();
                ResultsFile.records(file, header, record -> rows.add(ResultRow.of(record)));
                run.replaceAll(rows);
            }
            writeMarkers(rows, progress.split(10));
            if (summary.resumed() > 0) {
                run.resumed(resumedNote(summary, file));
            }
            return outcome(summary, file, dropped, startedOver);
        } catch (NoveltyException e) {
            return Status.error(FailureText.of(e), e);
        } catch (CoreException e) {
            return e.getStatus();
        } catch (CancelledException | OperationCanceledException e) {
            return Status.CANCEL_STATUS;
        } finally {
            run.finish();
        }
    }

    /** One results file per selection (the same resources in any order), so that annotating it again resumes. */
    private Path resultsFile(List<Path> roots) throws NoveltyException {
        try {
            Files.createDirectories(resultsDir);
        } catch (IOException e) {
            throw new NoveltyException(NoveltyException.Kind.IO,
                    NLS.bind(Messages.AnnotateJob_noResultsFolder, resultsDir, e), e);
        }
        return resultsDir.resolve(selectionId(roots) + ".jsonl"); //$NON-NLS-1$
    }

    /** A name for a selection of files and folders, the same for the same ones in any order. */
    static String selectionId(List<Path> roots) {
        String selection = String.join("\n", roots.stream().map(Path::toString).sorted().toList()); //$NON-NLS-1$
        return TextNormalization.sha256(selection).substring(0, 16);
    }

    /** Writes each record to the results file and hands a file's rows to the view once the file is done. */
    private final class RowsToView implements AnnotationSink {
        private final ResultsFile out;
        private final List<ResultRow> all;
        private final List<ResultRow> file = new ArrayList<>();

        RowsToView(ResultsFile out, List<ResultRow> all) {
            this.out = out;
            this.all = all;
        }

        @Override
        public void accept(AnnotatedPassage passage) throws NoveltyException {
            out.accept(passage);
            file.add(ResultRow.of(passage));
        }

        @Override
        public void fileDone() throws NoveltyException {
            out.fileDone();
            all.addAll(file);
            run.add(file);
            file.clear();
        }
    }

    /**
     * The counts, each file that was not read with its reason, the passages left out entirely, and whether the
     * results file was started over, so that nothing missing goes unnoticed.
     */
    private static IStatus outcome(AnnotationSummary summary, Path file, int dropped, IStatus startedOver) {
        MultiStatus status = new MultiStatus(NoveltyLensPlugin.PLUGIN_ID, 0,
                NLS.bind(Messages.AnnotateJob_done, summary.passages(), summary.skipped().size()));
        if (summary.resumed() > 0) {
            status.add(Status.info(resumedNote(summary, file)));
        }
        if (dropped > 0) {
            status.add(Status.info(NLS.bind(Messages.AnnotateJob_dropped, dropped)));
        }
        if (startedOver != null) {
            status.add(startedOver);
        }
        if (!summary.leftOut().isEmpty()) {
            status.add(Status.info(NLS.bind(Messages.AnnotateJob_leftOut, summary.leftOut().size(),
                    summary.leftOut().get(0).source() + ':' + summary.leftOut().get(0).line())));
        }
        for (SkippedSource skipped : summary.skipped()) {
            status.add(Status.warning(NLS.bind(Messages.AnnotateJob_skipped,
                    new Object[] { skipped.source(), skipped.reason(), skipped.detail() })));
        }
        return status;
    }

    /** "Resumed: 41,200 of 100,000 passages were already scored in FILE": a resumed run must not pass for a fresh one. */
    private static String resumedNote(AnnotationSummary summary, Path file) {
        return NLS.bind(Messages.AnnotateJob_resumed, new Object[] { ReadoutFormat.count(summary.resumed()),
                ReadoutFormat.count(summary.passages() + summary.resumed()), file });
    }

    /** Replaces the old markers with the new ones in one workspace operation, so listeners see a single change. */
    private void writeMarkers(List<ResultRow> rows, SubMonitor progress) throws CoreException {
        IWorkspace workspace = ResourcesPlugin.getWorkspace();
        workspace.run(monitor -> {
            for (IResource resource : resources) {
                resource.deleteMarkers(NoveltyMarkers.TYPE, true, IResource.DEPTH_INFINITE);
            }
            for (ResultRow row : rows) {
                for (IFile file : workspace.getRoot().findFilesForLocationURI(Path.of(row.place().source()).toUri())) {
                    NoveltyMarkers.create(file, row);
                }
            }
        }, null, IWorkspace.AVOID_UPDATE, progress);
    }

    @Override
    public boolean belongsTo(Object family) {
        return family == JobFamilies.ANNOTATION;
    }
}
