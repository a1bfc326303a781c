package io.noveltylens.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.IStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.noveltylens.core.annotate.AnnotationFormat;
import io.noveltylens.core.annotate.ResultsFile;
import io.noveltylens.ui.annotate.AnnotateJob;
import io.noveltylens.ui.annotate.AnnotationResultsView;
import io.noveltylens.ui.annotate.AnnotationRun;
import io.noveltylens.ui.annotate.NoveltyMarkers;
import io.noveltylens.ui.engine.JobFamilies;
import io.noveltylens.ui.plugin.NoveltyLensPlugin;

@ExtendWith(WorkbenchFixture.class)
class AnnotateTest {

    @Test
    void annotatingAProjectWritesAMarkerPerPassageAndExportsEveryReadout() throws Exception {
        IProject project = Workspace.project("research");
        Workspace.file(project, "a.txt", TestCorpus.LIBRARY + "\n\nThe ferry timetable changes every spring.\n");
        Workspace.file(project, "b.txt", "Submarine cables carry most of the world's internet traffic.\n");
        // a code block alone, cut into lines (no blank line): the default exclusions leave nothing of its two lines, so
        // they are listed as left out, not scored
        Workspace.file(project, "c.md",
                "```\nmake all && make install\nrm -rf build/ && echo the build folder is gone now\n```\n");
        Path resultsDir = Files.createTempDirectory(Files.createDirectories(TestCorpus.basedir().resolve("target")),
                "annotations-");
        AnnotationResultsView view = (AnnotationResultsView) Workspace.page().showView(AnnotationResultsView.ID);

        AnnotationRun run = view.startRun();
        AnnotateJob job = annotate(project, view, run, resultsDir);

        assertEquals(3, view.rows().size(), "three passages in two files: " + job.getResult());
        assertTrue(messages(job.getResult()).contains("2 passages were left out entirely by the exclusions"),
                messages(job.getResult()));
        IMarker[] markers = project.findMarkers(NoveltyMarkers.TYPE, true, IResource.DEPTH_INFINITE);
        assertEquals(3, markers.length);
        for (IMarker marker : markers) {
            assertNotNull(marker.getAttribute(NoveltyMarkers.PERCENTILE), "percentile attribute");
            assertNotNull(marker.getAttribute(NoveltyMarkers.LOOP), "LoOP attribute");
            assertTrue(marker.getAttribute(IMarker.MESSAGE, "").startsWith("Novelty percentile"));
        }
        IMarker library = Arrays.stream(markers).filter(m -> m.getResource().getName().equals("a.txt")
                && m.getAttribute(IMarker.CHAR_START, -1) == 0).findFirst().orElseThrow();
        assertTrue(Double.parseDouble((String) library.getAttribute(NoveltyMarkers.NEAREST_SIMILARITY)) > 0.99);

        assertEquals(3, view.visibleRows());
        view.setMinimumPercentile(100);
        // the rows are filtered and sorted in a job, then shown
        UiTestSupport.waitFor(JobFamilies.ANNOTATION, () -> view.visibleRows() < 3);
        assertTrue(view.shownRows().stream().allMatch(row -> row.percentile() >= 100),
                "the percentile filter hides passages below it");
        view.setMinimumPercentile(0);
        UiTestSupport.waitFor(JobFamilies.ANNOTATION, () -> view.visibleRows() == 3);
        UiTestSupport.screenshot(view.getViewSite().getShell(), "annotation-results");

        Path dir = TestCorpus.basedir().resolve("target");
        Path jsonl = dir.resolve("annotations.jsonl");
        Path csv = dir.resolve("annotations.csv");
        ResultsFile.export(run.resultsFile(), jsonl, AnnotationFormat.JSON_LINES);
        ResultsFile.export(run.resultsFile(), csv, AnnotationFormat.CSV);
        List<String> jsonLines = Files.readAllLines(jsonl, StandardCharsets.UTF_8);
        assertEquals(3, jsonLines.size());
        assertTrue(jsonLines.stream().allMatch(line -> line.contains("\"density\"") && line.contains("\"source\"")),
                jsonLines.get(0));
        List<String> csvLines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertEquals(4, csvLines.size(), "header and three rows");
        assertTrue(csvLines.get(0).startsWith("text,source.source,source.start,source.end,source.line"),
                csvLines.get(0));
        assertTrue(csvLines.stream().anyMatch(line -> line.contains("old library")));

        // annotating the same project again resumes its results file: nothing is scored twice
        List<String> before = Files.readAllLines(run.resultsFile());
        AnnotationRun again = view.startRun();
        AnnotateJob rerun = annotate(project, view, again, resultsDir);

        assertTrue(messages(rerun.getResult()).contains("annotated 0 passages"), messages(rerun.getResult()));
        String resumed = "Resumed: 3 of 3 passages were already scored in " + again.resultsFile() + ".";
        assertTrue(messages(rerun.getResult()).contains(resumed), messages(rerun.getResult()));
        assertTrue(view.description().contains(resumed), view.description());
        assertEquals(before, Files.readAllLines(again.resultsFile()));
        assertEquals(3, view.rows().size(), "the rows come from the results file");
        assertEquals(3, project.findMarkers(NoveltyMarkers.TYPE, true, IResource.DEPTH_INFINITE).length);

        // a passage edited and a file deleted since: their old records, rows and markers go, as after a fresh run
        Workspace.file(project, "a.txt", TestCorpus.LIBRARY + "\n\nThe ferry timetable changes every autumn.\n");
        project.getFile("b.txt").delete(true, null);
        AnnotationRun edited = view.startRun();
        AnnotateJob afterEdits = annotate(project, view, edited, resultsDir);

        String result = messages(afterEdits.getResult());
        assertTrue(result.contains("annotated 1 passages")
                && result.contains("Resumed: 1 of 2 passages were already scored in " + edited.resultsFile())
                && result.contains("2 records of passages edited, moved or deleted"), result);
        assertEquals(List.of("The ferry timetable changes every autumn.", TestCorpus.LIBRARY),
                view.rows().stream().map(row -> row.text()).sorted().toList());
        assertEquals(3, Files.readAllLines(edited.resultsFile()).size(), "the header and the two passages now");
        assertEquals(2, project.findMarkers(NoveltyMarkers.TYPE, true, IResource.DEPTH_INFINITE).length);
        UiTestSupport.screenshot(view.getViewSite().getShell(), "annotation-results-after-edits");
    }

    private static AnnotateJob annotate(IProject project, AnnotationResultsView view, AnnotationRun run,
            Path resultsDir) {
        AnnotateJob job = new AnnotateJob(List.of(project), NoveltyLensPlugin.getDefault().getEngineService(), run,
                resultsDir);
        job.setUser(false);
        job.schedule();
        // the view takes the rows on its timer: run the event loop as the workbench does until it has them all
        UiTestSupport.runEventLoopUntil(() -> job.getResult() != null && view.caughtUp());
        return job;
    }

    private static String messages(IStatus status) {
        return status.getMessage() + " " + Arrays.stream(status.getChildren()).map(IStatus::getMessage)
                .collect(Collectors.joining(" "));
    }
}
