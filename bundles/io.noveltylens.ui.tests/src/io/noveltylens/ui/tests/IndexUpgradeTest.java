package io.noveltylens.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.preference.IPreferenceStore;
import org.eclipse.osgi.util.NLS;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.noveltylens.core.index.IndexMetadata;
import io.noveltylens.core.index.LuceneCorpusIndex;
import io.noveltylens.core.index.Neighbour;
import io.noveltylens.test.support.Folders;
import io.noveltylens.ui.Messages;
import io.noveltylens.ui.NoveltyLensPreferences;
import io.noveltylens.ui.engine.EngineService;
import io.noveltylens.ui.engine.EngineState;
import io.noveltylens.ui.engine.JobFamilies;
import io.noveltylens.ui.plugin.NoveltyLensPlugin;
import io.noveltylens.ui.view.NoveltyView;

/**
 * An index folder written by an older version of Novelty Lens: the view answers from it at once while a visible,
 * cancellable job upgrades it to this version's format, and a cancelled upgrade leaves it answering. The older index
 * is a copy of the test corpus's index marked as format 2: what this code reads of a format-2 generation (its Lucene
 * index, vectors and density statistics) is what format 2 wrote; core's IndexFormatUpgradeTest opens the real
 * generations of every older format.
 */
@ExtendWith(WorkbenchFixture.class)
class IndexUpgradeTest {

    private static final String PROGRESS_VIEW = "org.eclipse.ui.views.ProgressView";

    private final IPreferenceStore store = NoveltyLensPlugin.getDefault().getPreferenceStore();
    private final EngineService engines = NoveltyLensPlugin.getDefault().getEngineService();

    @AfterEach
    void restoreCorpus() throws Exception {
        store.setValue(NoveltyLensPreferences.CORPUS_CHOICE, NoveltyLensPreferences.SOURCES);
        engines.retry();
        TestCorpus.awaitEngine();
    }

    @Test
    void anIndexOfAnOlderFormatAnswersWhileAVisibleJobUpgradesIt() throws Exception {
        Path index = outdatedIndex("upgraded-index");
        NoveltyView view = (NoveltyView) Workspace.page().showView(NoveltyView.ID);
        Workspace.page().showView(PROGRESS_VIEW);
        Workspace.page().activate(view);
        long start = System.nanoTime();
        useIndex(index);

        view.analyze(TestCorpus.LIBRARY);
        UiTestSupport.waitFor(JobFamilies.ANALYSIS, () -> NoveltyViewTest.completeReportOf(view, TestCorpus.LIBRARY));
        long answered = (System.nanoTime() - start) / 1_000_000;
        Job[] upgrades = Job.getJobManager().find(JobFamilies.INDEX_BUILD);
        assertEquals(1, upgrades.length, "the load scheduled the upgrade");
        assertEquals(NLS.bind(Messages.IndexRebuildJob_upgradeName, 2, IndexMetadata.FORMAT_VERSION),
                upgrades[0].getName());
        assertTrue(engines.state() instanceof EngineState.Rebuilding rebuilding && rebuilding.previousAnswers(),
                engines.state().toString());
        Neighbour nearest = (Neighbour) view.reportPage().neighboursViewer().getElementAt(0);
        assertEquals(TestCorpus.LIBRARY, nearest.text().strip());
        UiTestSupport.screenshot(view.getViewSite().getShell(), "index-upgrade-answering");

        TestCorpus.awaitEngine();
        long upgraded = (System.nanoTime() - start) / 1_000_000;
        assertEquals(IndexMetadata.FORMAT_VERSION, LuceneCorpusIndex.readMetadata(index).formatVersion());
        view.analyze(TestCorpus.GLACIERS);
        UiTestSupport.waitFor(JobFamilies.ANALYSIS, () -> NoveltyViewTest.completeReportOf(view, TestCorpus.GLACIERS));
        UiTestSupport.screenshot(view.getViewSite().getShell(), "index-upgraded");
        System.out.printf("index upgrade: first answer from the format-2 index %d ms after choosing it, upgraded and "
                + "reopened after %d ms%n", answered, upgraded);
    }

    @Test
    void aCancelledUpgradeLeavesTheOlderIndexAnswering() throws Exception {
        Path index = outdatedIndex("cancelled-upgrade-index");
        NoveltyView view = (NoveltyView) Workspace.page().showView(NoveltyView.ID);
        useIndex(index);
        engines.warmUp();
        UiTestSupport.waitFor(JobFamilies.ENGINE_LOAD, () -> engines.state() instanceof EngineState.Rebuilding);
        Job.getJobManager().cancel(JobFamilies.INDEX_BUILD);
        UiTestSupport.waitFor(JobFamilies.INDEX_BUILD, () -> engines.state() instanceof EngineState.Ready);

        assertEquals(2, LuceneCorpusIndex.readMetadata(index).formatVersion());
        view.analyze(TestCorpus.LIBRARY);
        UiTestSupport.waitFor(JobFamilies.ANALYSIS, () -> NoveltyViewTest.completeReportOf(view, TestCorpus.LIBRARY));
        Neighbour nearest = (Neighbour) view.reportPage().neighboursViewer().getElementAt(0);
        assertEquals(TestCorpus.LIBRARY, nearest.text().strip());
        assertEquals(0, Job.getJobManager().find(JobFamilies.INDEX_BUILD).length,
                "a cancelled upgrade is not started again by the next analysis");
    }

    /** A copy of the test corpus's index whose generation says format 2 (formats 1 and 2 wrote no calibration). */
    private Path outdatedIndex(String name) throws Exception {
        TestCorpus.install();
        Path copy = Folders.copy(engines.configs().builtIndexDir(),
                Files.createTempDirectory(TestCorpus.basedir().resolve("target"), name).resolve("index"));
        Path generation = copy.resolve(Files.readString(copy.resolve("CURRENT")).strip());
        Path json = generation.resolve("novelty-index.json");
        Files.writeString(json, Files.readString(json).replace(
                "\"formatVersion\": " + IndexMetadata.FORMAT_VERSION, "\"formatVersion\": 2"));
        Files.delete(generation.resolve("calibration.bin"));
        assertEquals(2, LuceneCorpusIndex.readMetadata(copy).formatVersion());
        return copy;
    }

    /** Chooses the index folder on the preference page's terms: the engine reloads with the next analysis. */
    private void useIndex(Path index) {
        store.setValue(NoveltyLensPreferences.INDEX_DIR, index.toString());
        store.setValue(NoveltyLensPreferences.CORPUS_CHOICE, NoveltyLensPreferences.INDEX);
    }
}
