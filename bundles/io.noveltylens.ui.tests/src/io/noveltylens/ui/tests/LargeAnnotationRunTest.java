package io.noveltylens.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.widgets.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import io.noveltylens.core.NoveltyException;
import io.noveltylens.core.Progress;
import io.noveltylens.core.analysis.NoveltyReport;
import io.noveltylens.core.annotate.AnnotatedPassage;
import io.noveltylens.core.annotate.ResultRow;
import io.noveltylens.core.annotate.ResultsFile;
import io.noveltylens.core.annotate.ResultsHeader;
import io.noveltylens.core.corpus.Provenance;
import io.noveltylens.core.engine.NoveltyEngine;
import io.noveltylens.core.exclude.Exclusions;
import io.noveltylens.core.export.ReportJson;
import io.noveltylens.ui.annotate.AnnotationResultsView;
import io.noveltylens.ui.annotate.AnnotationRun;
import io.noveltylens.ui.engine.JobFamilies;
import io.noveltylens.ui.plugin.NoveltyLensPlugin;

/**
 * The results view with a run of 100,000 passages, written through the product's results file and read back from it
 * as a resumed annotation reads it, arriving as a long annotation delivers them (a file's rows at a time, from a
 * background thread), under the fixture's UI-thread watchdog: the virtual table takes them without a stall, shows
 * them sorted (oracle: the same rows sorted by the test), scrolls to the last one, and sorts and filters all of them
 * again while the UI thread keeps running its event loop (a timer's lateness measures every stall, GTK's own work
 * included, which the watchdog does not frame).
 */
@ExtendWith(WorkbenchFixture.class)
class LargeAnnotationRunTest {

    private static final int PASSAGES = 100_000;
    private static final int PER_FILE = 250;
    private static final int PAGE = 10_000;

    @Test
    void aHundredThousandRowsArriveSortedAndSortAndFilterWithoutStallingTheUiThread() throws Exception {
        AnnotationResultsView view = (AnnotationResultsView) Workspace.page().showView(AnnotationResultsView.ID);
        Path file = Files.createDirectories(TestCorpus.basedir().resolve("target")).resolve("results-100k.jsonl");
        List<ResultRow> written = new ArrayList<>(PASSAGES);
        AnnotationRun run = view.startRun();
        Job.create("a generated annotation run", monitor -> {
            try {
                NoveltyEngine engine = NoveltyLensPlugin.getDefault().getEngineService().acquire(monitor);
                ResultsHeader header = ResultsHeader.of(engine, false, Exclusions.DEFAULT);
                write(file, header, engine.analyze(TestCorpus.LIBRARY, Progress.NONE));
                try (ResultsFile results = ResultsFile.resume(file, header, written::add)) {
                    // read back as a resumed run reads its file: every record a row
                }
            } catch (NoveltyException e) {
                return Status.error(e.getMessage(), e);
            } finally {
                for (int from = 0; from < written.size(); from += PER_FILE) {
                    run.add(written.subList(from, Math.min(written.size(), from + PER_FILE)));
                }
                run.finish();
            }
            return Status.OK_STATUS;
        }).schedule();

        UiTestSupport.runEventLoopUntil(view::caughtUp);

        assertEquals(PASSAGES, view.rows().size());
        Table table = view.table();
        assertEquals(PAGE, table.getItemCount(), "the table holds the first page");
        List<ResultRow> byPercentile = new ArrayList<>(written);
        byPercentile.sort(Comparator.comparingDouble(ResultRow::percentile).reversed());
        assertEquals(byPercentile.stream().map(ResultRow::percentile).toList(),
                view.shownRows().stream().map(ResultRow::percentile).toList(), "sorted by percentile, highest first");

        view.showPage(PASSAGES / PAGE - 1);
        assertEquals(PAGE, table.getItemCount(), "the last page");
        table.setTopIndex(PAGE - 1);
        table.showItem(table.getItem(PAGE - 1));
        UiTestSupport.spin();
        assertTrue(table.getTopIndex() > PAGE - 100, "scrolled to the end: top index " + table.getTopIndex());
        ResultRow last = view.shownRows().get(PASSAGES - 1);
        assertEquals(last.text(), table.getItem(PAGE - 1).getText(3), "the last row's passage is shown");
        UiTestSupport.screenshotMaximised(view, "annotation-results-100k-end");

        Comparator<ResultRow> bySource = Comparator.comparing((ResultRow row) -> row.place().source())
                .thenComparingInt(row -> row.place().startOffset()).reversed();
        List<ResultRow> sourceDescending = written.stream().sorted(bySource).toList();
        UiThreadProbe probe = new UiThreadProbe(table.getDisplay());
        probe.start();
        view.sortBy("Source");
        // the rows are sorted in a job: wait for its order (the percentile order also ends with the first row written)
        UiTestSupport.runEventLoopUntil(() -> sourceDescending.get(0).equals(view.shownRows().get(0)));
        UiTestSupport.runEventLoopFor(500); // the repaint of the sorted table
        long sortStall = probe.stop();
        assertEquals(sourceDescending, view.shownRows(), "clicking Source sorts it descending");
        assertEquals(PAGE, table.getItemCount(), "back on the first page");
        assertEquals(view.shownRows().get(0).text(), table.getItem(0).getText(3), "the first row shown is the first");

        // a filter that shrinks the table: the rows it drops are GTK's work
        probe = new UiThreadProbe(table.getDisplay());
        probe.start();
        view.setMinimumPercentile(95);
        List<ResultRow> above = sourceDescending.stream().filter(row -> row.percentile() >= 95).toList();
        UiTestSupport.runEventLoopUntil(() -> view.shownRows().size() == above.size());
        UiTestSupport.runEventLoopFor(500); // the repaint of the filtered table
        long filterStall = probe.stop();
        assertTrue(above.size() < PAGE, "fewer than a page: " + above.size());
        assertEquals(above.size(), table.getItemCount());
        assertEquals(above, view.shownRows(), "the rows at or above 95, still by source, descending");
        assertEquals(above.get(0).text(), table.getItem(0).getText(3), "the first row shown is the first");
        UiTestSupport.screenshotMaximised(view, "annotation-results-100k-filtered");
        System.out.printf("[100k rows] UI thread kept from its event loop (timer lateness, wall time): sort %d ms, "
                + "filter %d ms%n", sortStall, filterStall);
        // the next test that opens the view must not find this filter
        Workspace.page().hideView(view);
        Job.getJobManager().join(JobFamilies.ANNOTATION, null);
    }

    /**
     * Writes 100,000 records through the product's results file: the record of one real report, placed in 400 files
     * of 250 passages, its text and percentile changed per passage (percentiles spread by a fixed permutation, so that
     * run order and sorted order differ), its neighbours cut to the nearest to keep the file at about 100 MB.
     */
    private static void write(Path file, ResultsHeader header, NoveltyReport report) throws NoveltyException {
        try (ResultsFile results = ResultsFile.create(file, header)) {
            for (int i = 0; i < PASSAGES; i++) {
                int inFile = i % PER_FILE;
                Provenance place = new Provenance(String.format("/generated/file-%03d.txt", i / PER_FILE),
                        inFile * 100, inFile * 100 + 90, inFile * 2 + 1);
                JsonObject record = ReportJson.object(report, place);
                record.addProperty("text", "Generated passage " + i + " of file " + i / PER_FILE + ".");
                record.getAsJsonObject("density").addProperty("percentile", (i * 7_919L % PASSAGES) * 100.0 / PASSAGES);
                JsonArray neighbours = record.getAsJsonArray("neighbours");
                while (neighbours.size() > 1) {
                    neighbours.remove(neighbours.size() - 1);
                }
                record.remove("sentences");
                results.accept(new AnnotatedPassage(place, report), record);
                if (inFile == PER_FILE - 1) {
                    results.fileDone();
                }
            }
        }
    }
}
