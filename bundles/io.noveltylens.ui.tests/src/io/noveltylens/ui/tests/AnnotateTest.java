package io.noveltylens.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.jobs.Job;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.noveltylens.core.annotate.AnnotatedPassage;
import io.noveltylens.core.annotate.AnnotationFormat;
import io.noveltylens.ui.annotate.AnnotateJob;
import io.noveltylens.ui.annotate.AnnotationResultsView;
import io.noveltylens.ui.annotate.NoveltyMarkers;
import io.noveltylens.ui.annotate.ResultsExport;
import io.noveltylens.ui.engine.JobFamilies;
import io.noveltylens.ui.plugin.NoveltyLensPlugin;

@ExtendWith(WorkbenchFixture.class)
class AnnotateTest {

    @Test
    void annotatingAProjectWritesAMarkerPerPassageAndExportsEveryReadout() throws Exception {
        IProject project = Workspace.project("research");
        Workspace.file(project, "a.txt", TestCorpus.LIBRARY + "\n\nThe ferry timetable changes every spring.\n");
        Workspace.file(project, "b.txt", "Submarine cables carry most of the world's internet traffic.\n");
        AtomicReference<List<AnnotatedPassage>> results = new AtomicReference<>();

        AnnotateJob job = new AnnotateJob(List.of(project), NoveltyLensPlugin.getDefault().getEngineService(),
                results::set);
        job.setUser(false);
        job.schedule();
        Job.getJobManager().join(JobFamilies.ANNOTATION, null);

        assertNotNull(results.get(), String.valueOf(job.getResult()));
        assertEquals(3, results.get().size(), "three passages in two files");
        IMarker[] markers = project.findMarkers(NoveltyMarkers.TYPE, true, IResource.DEPTH_INFINITE);
        assertEquals(3, markers.length);
        for (IMarker marker : markers) {
            assertNotNull(marker.getAttribute(NoveltyMarkers.PERCENTILE), "percentile attribute");
            assertNotNull(marker.getAttribute(NoveltyMarkers.LOOP), "LoOP attribute");
            assertTrue(marker.getAttribute(IMarker.MESSAGE, "").startsWith("Novelty percentile"));
        }
        IMarker library = java.util.Arrays.stream(markers).filter(m -> m.getResource().getName().equals("a.txt")
                && m.getAttribute(IMarker.CHAR_START, -1) == 0).findFirst().orElseThrow();
        assertTrue(Double.parseDouble((String) library.getAttribute(NoveltyMarkers.NEAREST_SIMILARITY)) > 0.99);

        AnnotationResultsView view = (AnnotationResultsView) Workspace.page().showView(AnnotationResultsView.ID);
        view.setResults(results.get());
        assertEquals(3, view.visibleRows());
        view.setMinimumPercentile(100);
        assertTrue(view.visibleRows() < 3, "the percentile filter hides passages below it");
        view.setMinimumPercentile(0);
        UiTestSupport.screenshot(view.getViewSite().getShell(), "annotation-results");

        Path dir = Path.of(System.getProperty("noveltylens.test.basedir", "."), "target");
        Path jsonl = dir.resolve("annotations.jsonl");
        Path csv = dir.resolve("annotations.csv");
        ResultsExport.write(view.results(), jsonl, AnnotationFormat.JSON_LINES);
        ResultsExport.write(view.results(), csv, AnnotationFormat.CSV);
        List<String> jsonLines = Files.readAllLines(jsonl, StandardCharsets.UTF_8);
        assertEquals(3, jsonLines.size());
        assertTrue(jsonLines.stream().allMatch(line -> line.contains("\"density\"") && line.contains("\"source\"")),
                jsonLines.get(0));
        List<String> csvLines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertEquals(4, csvLines.size(), "header and three rows");
        assertTrue(csvLines.get(0).startsWith("text,source.source,source.start,source.end,source.line"),
                csvLines.get(0));
        assertTrue(csvLines.stream().anyMatch(line -> line.contains("old library")));
    }
}
