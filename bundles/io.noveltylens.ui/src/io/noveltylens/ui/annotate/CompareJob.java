package io.noveltylens.ui.annotate;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.MultiStatus;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.osgi.util.NLS;

import io.noveltylens.core.CancelledException;
import io.noveltylens.core.NoveltyException;
import io.noveltylens.core.analysis.PrincipalPlane;
import io.noveltylens.core.chart.ChartImages;
import io.noveltylens.core.compare.Comparison;
import io.noveltylens.core.compare.Group;
import io.noveltylens.core.compare.GroupFiles;
import io.noveltylens.core.compare.GroupScorer;
import io.noveltylens.core.compare.GroupScores;
import io.noveltylens.core.engine.NoveltyEngine;
import io.noveltylens.core.report.RunDescription;
import io.noveltylens.core.stats.Bootstrap;
import io.noveltylens.ui.Messages;
import io.noveltylens.ui.engine.EngineService;
import io.noveltylens.ui.engine.JobFamilies;
import io.noveltylens.ui.engine.MonitorProgress;
import io.noveltylens.ui.format.FailureText;
import io.noveltylens.ui.plugin.NoveltyLensPlugin;

/**
 * Compare with Novelty Lens: each selected file, folder or project is a group, named by its workspace path; core
 * scores every passage with the hull readouts ({@link GroupScorer}), compares the groups ({@link Comparison}) and
 * draws the plots, all here off the UI thread; the result goes to the comparison view. Each group's records go to a
 * results file in the plug-in's state location as they are scored, so comparing the same selection again after a
 * cancel scores only the passages not scored yet; the job's result and the view say so ({@link ComparisonReruns}).
 */
public final class CompareJob extends Job {

    private final List<IResource> resources;
    private final EngineService engines;
    private final Consumer<ComparisonResult> onDone;
    private final Path resultsDir;

    /**
     * @param resultsDir where the groups' results files of the selections live, one folder per selection, so that
     *                   comparing the same selection again scores only what an earlier, cancelled run did not
     */
    public CompareJob(List<IResource> resources, EngineService engines, Consumer<ComparisonResult> onDone,
            Path resultsDir) {
        super(Messages.CompareJob_name);
        this.resources = List.copyOf(resources);
        this.engines = engines;
        this.onDone = onDone;
        this.resultsDir = resultsDir;
        setUser(true);
        setPriority(LONG);
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        SubMonitor progress = SubMonitor.convert(monitor, Messages.CompareJob_name, 100);
        try {
            List<Group> groups = groups();
            GroupScorer.requireComparable(groups);
            NoveltyEngine engine = engines.acquire(progress.split(10));
            GroupScorer scorer = new GroupScorer(engine, engines.configs().exclusions());
            PrincipalPlane plane = scorer.plane();
            // a results file of another corpus, model or exclusions is started over, as an annotation run's is
            GroupFiles files = new GroupFiles(
                    resultsDir.resolve("compare-" //$NON-NLS-1$
                            + AnnotateJob.selectionId(groups.stream().flatMap(g -> g.roots().stream()).toList())),
                    GroupFiles.Rerun.RESUME_OR_START_OVER, false);
            List<GroupScores> scored = scorer.score(groups, plane, files, new MonitorProgress(progress.split(80)));
            Comparison comparison = Comparison.of(scored, Bootstrap.defaults(),
                    new MonitorProgress(progress.split(5)));
            List<byte[]> plots = ChartImages.pngs(comparison, plane, scored);
            RunDescription run = new RunDescription(
                    NLS.bind(Messages.CompareJob_command, String.join(", ", groups.stream().map(Group::name).toList())),
                    NLS.bind(Messages.CompareJob_tool, Platform.getBundle(NoveltyLensPlugin.PLUGIN_ID).getVersion()),
                    Messages.CompareJob_corpus, engine.indexInfo(), Instant.now());
            onDone.accept(new ComparisonResult(scored, comparison, plane, run, plots));
            MultiStatus status = new MultiStatus(NoveltyLensPlugin.PLUGIN_ID, 0, NLS.bind(Messages.CompareJob_done,
                    groups.size(), scored.stream().mapToInt(g -> g.passages().size()).sum()));
            ComparisonReruns.of(scored).forEach(note -> status.add(Status.info(note)));
            return status;
        } catch (NoveltyException e) {
            return Status.error(FailureText.of(e), e);
        } catch (CancelledException | OperationCanceledException e) {
            return Status.CANCEL_STATUS;
        }
    }

    /** One group per resource, named by its workspace path, which no two resources share. */
    private List<Group> groups() {
        List<Group> groups = new ArrayList<>();
        for (IResource resource : resources) {
            if (resource.getLocation() != null) {
                groups.add(new Group(resource.getFullPath().makeRelative().toString(),
                        List.of(Path.of(resource.getLocation().toOSString()))));
            }
        }
        return groups;
    }

    @Override
    public boolean belongsTo(Object family) {
        return family == JobFamilies.ANNOTATION;
    }
}
