package io.noveltylens.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.ui.IWorkbenchPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.noveltylens.core.compare.GroupScores;
import io.noveltylens.ui.annotate.CompareJob;
import io.noveltylens.ui.annotate.ComparisonResult;
import io.noveltylens.ui.annotate.ComparisonView;
import io.noveltylens.ui.engine.JobFamilies;
import io.noveltylens.ui.plugin.NoveltyLensPlugin;

/** Compare with Novelty Lens on two folders in a real workbench: the plots in the view, then the report exported. */
@ExtendWith(WorkbenchFixture.class)
class CompareTest {

    @Test
    void comparingTwoFoldersShowsThePlotsAndExportsTheReport() throws Exception {
        IProject project = Workspace.project("bench");
        IFolder near = project.getFolder("near-corpus");
        near.create(true, true, null);
        IFolder far = project.getFolder("other-genre");
        far.create(true, true, null);
        Workspace.file(project, "near-corpus/a.txt", TestCorpus.LIBRARY + "\n\n" + TestCorpus.GLACIERS + "\n\n"
                + "The lighthouse keeper counted the boats that passed at night.\n\n"
                + "Honeybees tell each other where the flowers are with a waggle dance.\n");
        Workspace.file(project, "other-genre/b.txt", "Form 1040-ES: estimated tax for individuals, due quarterly.\n\n"
                + "git rebase --onto main feature~3 rewrites the last three commits.\n\n"
                + "Dosage: 5 mg/kg every 8 h, not to exceed 40 mg per day.\n");
        AtomicReference<ComparisonResult> result = new AtomicReference<>();

        Path resultsDir = Files.createTempDirectory(Files.createDirectories(TestCorpus.basedir().resolve("target")),
                "comparisons-");
        CompareJob job = new CompareJob(List.of(near, far), NoveltyLensPlugin.getDefault().getEngineService(),
                result::set, resultsDir);
        job.setUser(false);
        job.schedule();
        Job.getJobManager().join(JobFamilies.ANNOTATION, null);

        assertNotNull(result.get(), String.valueOf(job.getResult()));
        assertEquals(List.of("bench/near-corpus", "bench/other-genre"),
                result.get().groups().stream().map(GroupScores::name).toList(), "a group per folder, by its path");
        assertEquals(List.of(4, 3), result.get().groups().stream().map(g -> g.passages().size()).toList());
        ComparisonView view = (ComparisonView) Workspace.page().showView(ComparisonView.ID);
        view.setResult(result.get());
        assertEquals(3, view.plotCount(), "distributions, in-hull share, projection map");
        assertTrue(
                view.statisticsText().contains("bench/other-genre vs bench/near-corpus, density.percentile: median "),
                view.statisticsText());
        IWorkbenchPage page = Workspace.page();
        page.setPartState(page.getReference(view), IWorkbenchPage.STATE_MAXIMIZED);
        try {
            Path screenshot = UiTestSupport.screenshot(view.getViewSite().getShell(), "comparison-view");
            assertTrue(Files.size(screenshot) > 0);
        } finally {
            page.setPartState(page.getReference(view), IWorkbenchPage.STATE_RESTORED);
        }

        Path report = TestCorpus.basedir().resolve("target/comparison-report.html");
        Files.deleteIfExists(report);
        view.exportReport(report);
        Job.getJobManager().join(JobFamilies.ANNOTATION, null);

        String html = Files.readString(report, StandardCharsets.UTF_8);
        assertEquals(3, html.split("<svg ", -1).length - 1, "the three plots inline");
        assertTrue(html.contains("bench/near-corpus") && html.contains("bench/other-genre"), "both groups");
        assertTrue(html.contains("Compare with Novelty Lens on bench/near-corpus, bench/other-genre"),
                "what made it");

        // the same folders again, one passage added to the second: both groups' results files are resumed, and the
        // job and the view say how much of each was scored before and where
        Workspace.file(project, "other-genre/b.txt", Files.readString(far.getFile("b.txt").getLocation().toPath())
                + "\nThe ferry timetable changes every autumn.\n");
        AtomicReference<ComparisonResult> again = new AtomicReference<>();
        CompareJob rerun = new CompareJob(List.of(near, far), NoveltyLensPlugin.getDefault().getEngineService(),
                again::set, resultsDir);
        rerun.setUser(false);
        rerun.schedule();
        Job.getJobManager().join(JobFamilies.ANNOTATION, null);

        assertNotNull(again.get(), String.valueOf(rerun.getResult()));
        assertEquals(List.of(4, 4), again.get().groups().stream().map(g -> g.passages().size()).toList());
        Path nearFile = again.get().groups().get(0).resultsFile().file();
        Path farFile = again.get().groups().get(1).resultsFile().file();
        assertTrue(nearFile.startsWith(resultsDir) && Files.isRegularFile(nearFile) && Files.isRegularFile(farFile),
                nearFile + " " + farFile);
        String nearResumed = "Resumed bench/near-corpus: 4 of 4 passages were already scored in " + nearFile + ".";
        String farResumed = "Resumed bench/other-genre: 3 of 4 passages were already scored in " + farFile + ".";
        String said = rerun.getResult().getMessage() + " " + Arrays.stream(rerun.getResult().getChildren())
                .map(IStatus::getMessage).collect(Collectors.joining(" "));
        assertTrue(said.contains(nearResumed) && said.contains(farResumed), said);
        view.setResult(again.get());
        assertTrue(view.statisticsText().startsWith(nearResumed + "\n" + farResumed + "\n\n"),
                view.statisticsText());
        UiTestSupport.screenshot(view.getViewSite().getShell(), "comparison-view-resumed");
    }
}
