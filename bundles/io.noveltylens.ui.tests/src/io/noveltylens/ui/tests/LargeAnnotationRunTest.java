package io.noveltylens.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.widgets.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.noveltylens.core.analysis.Verdict;
import io.noveltylens.core.annotate.ResultRow;
import io.noveltylens.core.corpus.Provenance;
import io.noveltylens.ui.annotate.AnnotationResultsView;
import io.noveltylens.ui.annotate.AnnotationRun;

/**
 * The results view with a run of 100,000 passages arriving as a long annotation delivers them (a file's rows at a
 * time, from a background thread), under the fixture's UI-thread watchdog: the virtual table takes them without a
 * stall, shows them sorted (oracle: the same rows sorted by the test), and scrolls to the last one.
 */
@ExtendWith(WorkbenchFixture.class)
class LargeAnnotationRunTest {

    private static final int PASSAGES = 100_000;
    private static final int PER_FILE = 250;

    @Test
    void aHundredThousandRowsArriveSortedAndTheLastIsReachedByScrolling() throws Exception {
        AnnotationResultsView view = (AnnotationResultsView) Workspace.page().showView(AnnotationResultsView.ID);
        List<ResultRow> generated = generated();
        AnnotationRun run = view.startRun();
        Job.create("a generated annotation run", monitor -> {
            for (int from = 0; from < PASSAGES; from += PER_FILE) {
                run.add(generated.subList(from, from + PER_FILE));
            }
            run.finish();
            return Status.OK_STATUS;
        }).schedule();

        UiTestSupport.runEventLoopUntil(view::caughtUp);

        assertEquals(PASSAGES, view.rows().size());
        Table table = view.table();
        assertEquals(PASSAGES, table.getItemCount());
        List<ResultRow> byPercentile = new ArrayList<>(generated);
        byPercentile.sort(Comparator.comparingDouble(ResultRow::percentile).reversed());
        assertEquals(byPercentile.stream().map(ResultRow::percentile).toList(),
                view.shownRows().stream().map(ResultRow::percentile).toList(), "sorted by percentile, highest first");

        table.setTopIndex(PASSAGES - 1);
        table.showItem(table.getItem(PASSAGES - 1));
        UiTestSupport.spin();
        assertTrue(table.getTopIndex() > PASSAGES - 100, "scrolled to the end: top index " + table.getTopIndex());
        ResultRow last = view.shownRows().get(PASSAGES - 1);
        assertEquals(last.text(), table.getItem(PASSAGES - 1).getText(3), "the last row's passage is shown");
        UiTestSupport.screenshotMaximised(view, "annotation-results-100k-end");

        view.sortBy("Source");
        assertEquals(generated.get(0), view.shownRows().get(PASSAGES - 1), "clicking Source sorts it descending");
        view.setMinimumPercentile(90);
        long above = generated.stream().filter(row -> row.percentile() >= 90).count();
        // the table is emptied, then refilled in a later dispatch
        UiTestSupport.runEventLoopUntil(() -> table.getItemCount() == above);
        // the next test that opens the view must not find this filter
        Workspace.page().hideView(view);
    }

    /** Rows of 400 files, percentiles spread by a fixed permutation so that run order and sorted order differ. */
    private static List<ResultRow> generated() {
        List<ResultRow> rows = new ArrayList<>(PASSAGES);
        Verdict[] verdicts = Verdict.values();
        for (int i = 0; i < PASSAGES; i++) {
            int file = i / PER_FILE;
            int inFile = i % PER_FILE;
            double percentile = (i * 7_919L % PASSAGES) / (double) PASSAGES * 100;
            rows.add(new ResultRow(
                    new Provenance(String.format("/generated/file-%03d.txt", file), inFile * 100, inFile * 100 + 90,
                            inFile * 2 + 1),
                    "Generated passage " + i + " of file " + file + ".", verdicts[i % verdicts.length], percentile,
                    1.0, 0.1, 0.0, 0.5, null));
        }
        return rows;
    }
}
