package io.noveltylens.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.preference.IPreferenceStore;
import org.eclipse.jface.text.IDocument;
import org.eclipse.ui.texteditor.ITextEditor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.noveltylens.core.Progress;
import io.noveltylens.core.corpus.TextNormalization;
import io.noveltylens.core.drafts.DraftsUpdate;
import io.noveltylens.core.embed.Embedder;
import io.noveltylens.core.index.Neighbour;
import io.noveltylens.test.support.DraftTexts;
import io.noveltylens.test.support.TextLines;
import io.noveltylens.test.support.Vectors;
import io.noveltylens.ui.NoveltyLensPreferences;
import io.noveltylens.ui.engine.DraftsService;
import io.noveltylens.ui.engine.JobFamilies;
import io.noveltylens.ui.plugin.NoveltyLensPlugin;
import io.noveltylens.ui.view.NoveltyView;

/**
 * "My drafts" in a real workbench: a project named in the preferences is indexed in the background, the view lists
 * its passages nearest the analysed one (the ranking checked against cosines of the engine's own embeddings, the
 * passage itself left out), a file added to the project becomes a neighbour without a restart, a restart embeds
 * nothing, and a large project is indexed while the test types into an editor without stalling the UI thread.
 */
@ExtendWith(WorkbenchFixture.class)
class DraftsTest {

    private final IPreferenceStore store = NoveltyLensPlugin.getDefault().getPreferenceStore();
    private final DraftsService drafts = NoveltyLensPlugin.getDefault().getDrafts();

    @AfterEach
    void noDrafts() throws InterruptedException {
        store.setValue(NoveltyLensPreferences.DRAFTS_FOLDER, "");
        UiTestSupport.waitFor(JobFamilies.DRAFTS, () -> Job.getJobManager().find(JobFamilies.DRAFTS).length == 0);
    }

    /** A drafts project with one file per paragraph of {@link DraftTexts#PARAGRAPHS}. */
    private static IProject draftsProject(String name) throws Exception {
        IProject project = Workspace.project(name);
        for (int i = 0; i < DraftTexts.PARAGRAPHS.size(); i++) {
            Workspace.file(project, "chapter-" + i + ".md", DraftTexts.PARAGRAPHS.get(i) + "\n");
        }
        return project;
    }

    private void useDrafts(IProject project, int files) throws InterruptedException {
        store.setValue(NoveltyLensPreferences.DRAFTS_FOLDER, project.getFullPath().toString());
        UiTestSupport.waitFor(JobFamilies.DRAFTS, () -> drafts.lastUpdate() != null
                && drafts.lastUpdate().files() == files && drafts.folder() != null
                && drafts.folder().equals(project));
    }

    private static List<Neighbour> shown(NoveltyView view) {
        return IntStream.range(0, view.reportPage().draftsViewer().getTable().getItemCount())
                .mapToObj(i -> (Neighbour) view.reportPage().draftsViewer().getElementAt(i)).toList();
    }

    @Test
    void theViewListsTheNearestDraftsAndANewFileBecomesOneWithoutARestart() throws Exception {
        IProject project = draftsProject("my-drafts");
        useDrafts(project, DraftTexts.PARAGRAPHS.size());
        NoveltyView view = (NoveltyView) Workspace.page().showView(NoveltyView.ID);
        String query = DraftTexts.RETOLD.get(3);
        ITextEditor editor = Workspace.open(Workspace.file(Workspace.project("writer"), "letter.txt", query));
        editor.selectAndReveal(0, query.length());
        UiTestSupport.waitFor(JobFamilies.DRAFTS, () -> NoveltyViewTest.completeReportOf(view, query)
                && shown(view).size() == DraftTexts.PARAGRAPHS.size());

        // oracle: the cosines of the engine's own query and passage embeddings, ranked by brute force
        Embedder embedder = NoveltyLensPlugin.getDefault().getEngineService().acquire(null).embedder();
        float[] q = view.reportPage().report().embedding().unit();
        List<String> expected = new ArrayList<>(DraftTexts.PARAGRAPHS);
        List<Double> cosines = new ArrayList<>();
        for (String paragraph : DraftTexts.PARAGRAPHS) {
            cosines.add(Vectors.dot(q, embedder.embedPassages(List.of(paragraph), Progress.NONE).get(0).unit()));
        }
        expected.sort(Comparator.comparingDouble(p -> -cosines.get(DraftTexts.PARAGRAPHS.indexOf(p))));
        List<Neighbour> neighbours = shown(view);
        assertEquals(expected, neighbours.stream().map(Neighbour::text).toList());
        assertEquals(DraftTexts.PARAGRAPHS.get(3), neighbours.get(0).text(), "the retold sentence's own paragraph");
        assertTrue(neighbours.get(0).sources().get(0).source().endsWith("chapter-3.md"));
        assertTrue(view.reportPage().draftsStatus().contains("/my-drafts"), view.reportPage().draftsStatus());

        // a new file, nearer still: shown once the resource change has been indexed, with no restart and no new
        // selection; the time from the save to the updated list is the writer's wait
        String nearer = query.replace("by rain", "by the rain"); // one word from the query: nearer than any draft
        long saved = System.nanoTime();
        Workspace.file(project, "chapter-9.md", nearer + "\n");
        UiTestSupport.waitFor(JobFamilies.DRAFTS, () -> !shown(view).isEmpty()
                && shown(view).get(0).text().equals(nearer));
        long waited = (System.nanoTime() - saved) / 1_000_000;
        System.out.printf("[drafts] from saving a new draft to the updated neighbours: %d ms%n", waited);
        assertTrue(shown(view).get(0).sources().get(0).source().endsWith("chapter-9.md"));
        UiTestSupport.screenshotMaximised(view, "drafts-neighbours");
    }

    @Test
    void theAnalysedPassageIsNotItsOwnNeighbourInItsFile() throws Exception {
        IProject project = draftsProject("my-drafts");
        useDrafts(project, DraftTexts.PARAGRAPHS.size());
        NoveltyView view = (NoveltyView) Workspace.page().showView(NoveltyView.ID);
        IFile chapter = project.getFile("chapter-4.md");
        String text = new String(chapter.getContents().readAllBytes(), StandardCharsets.UTF_8);
        String own = DraftTexts.PARAGRAPHS.get(4);
        ITextEditor editor = Workspace.open(chapter);
        // the writer selects part of the paragraph: not the same text, but the same place
        String part = own.substring(0, own.indexOf(" and a map"));
        editor.selectAndReveal(text.indexOf(own), part.length());
        UiTestSupport.waitFor(JobFamilies.DRAFTS, () -> NoveltyViewTest.completeReportOf(view, part)
                && shown(view).size() == DraftTexts.PARAGRAPHS.size() - 1);

        assertFalse(shown(view).stream().anyMatch(n -> n.text().equals(own)), "the passage is left out");
        // nearly the same words in another file find it: it is left out only where it is
        String near = part + ", they said";
        ITextEditor elsewhere = Workspace.open(Workspace.file(Workspace.project("writer"), "part.txt", near));
        elsewhere.selectAndReveal(0, near.length());
        UiTestSupport.waitFor(JobFamilies.DRAFTS, () -> NoveltyViewTest.completeReportOf(view, near)
                && shown(view).size() == DraftTexts.PARAGRAPHS.size());
        assertEquals(own, shown(view).get(0).text());
    }

    @Test
    void aRestartEmbedsNothing() throws Exception {
        IProject project = draftsProject("my-drafts");
        store.setValue(NoveltyLensPreferences.DRAFTS_FOLDER, project.getFullPath().toString());
        Path storeDir = Files.createTempDirectory(TestCorpus.basedir().resolve("target"), "drafts-restart");
        var engines = NoveltyLensPlugin.getDefault().getEngineService();
        DraftsService first = new DraftsService(store, engines, storeDir);
        first.start();
        UiTestSupport.waitFor(JobFamilies.DRAFTS, () -> first.lastUpdate() != null);
        first.dispose();
        assertEquals(DraftTexts.PARAGRAPHS.size(), first.embeddedSinceStart(), "a new store embeds every passage");

        DraftsService restarted = new DraftsService(store, engines, storeDir);
        restarted.start();
        UiTestSupport.waitFor(JobFamilies.DRAFTS, () -> restarted.lastUpdate() != null);
        restarted.dispose();
        assertEquals(0, restarted.embeddedSinceStart(), "the restarted store embeds nothing");
        assertEquals(0, restarted.lastUpdate().filesRead(), "and reads no file again");
        assertEquals(DraftTexts.PARAGRAPHS.size(), restarted.lastUpdate().passages());
    }

    @Test
    void aLargeProjectIsIndexedWhileTheWriterTypesWithoutStallingTheEditor() throws Exception {
        List<String> lines = TextLines.read(TestCorpus.basedir()
                .resolve("../io.noveltylens.core.tests/fixtures/austen-1500.txt.gz")).stream()
                .filter(line -> line.split(" ").length >= 8 && line.split(" ").length <= 100).distinct().toList();
        int files = 240;
        int perFile = 4;
        IProject project = Workspace.project("large-drafts");
        Path folder = project.getLocation().toPath();
        List<String> texts = new ArrayList<>();
        for (int f = 0; f < files; f++) {
            List<String> paragraphs = lines.subList(f * perFile, (f + 1) * perFile);
            texts.addAll(paragraphs);
            Files.writeString(folder.resolve("part-" + f + ".txt"), String.join("\n\n", paragraphs) + "\n");
        }
        project.refreshLocal(IResource.DEPTH_INFINITE, null);
        String typed = "She walked to the window and looked out at the rain. ";
        ITextEditor editor = Workspace.open(Workspace.file(Workspace.project("writer"), "typing.txt", ""));
        IDocument document = editor.getDocumentProvider().getDocument(editor.getEditorInput());

        store.setValue(NoveltyLensPreferences.DRAFTS_FOLDER, project.getFullPath().toString());
        int keys = 0;
        while (drafts.lastUpdate() == null || drafts.lastUpdate().files() != files
                || Job.getJobManager().find(JobFamilies.DRAFTS).length > 0) {
            // a keystroke every 30 ms, as a fast typist, each dispatched by the event loop the watchdog times
            document.replace(document.getLength(), 0, String.valueOf(typed.charAt(keys++ % typed.length())));
            UiTestSupport.runEventLoopFor(30);
        }
        DraftsUpdate update = drafts.lastUpdate();
        assertEquals(texts.stream().map(TextNormalization::collapseWhitespace).distinct().count(), update.passages());
        assertTrue(keys > 10, "typed while indexing: " + keys);

        // the bare embedding rate on the same machine now, for the ratio
        Embedder embedder = NoveltyLensPlugin.getDefault().getEngineService().acquire(null).embedder();
        List<String> sample = texts.subList(0, 200);
        long start = System.nanoTime();
        embedder.embedPassages(sample, Progress.NONE);
        double bare = sample.size() * 1e9 / (System.nanoTime() - start);
        double background = update.passagesEmbedded() * 1000.0 / Math.max(1, update.millis());
        System.out.printf("[drafts] %d files, %d passages indexed in the background in %.1f s while typing %d keys: "
                + "%.0f passages/s, bare embedding %.0f passages/s (ratio %.2f)%n", files, update.passages(),
                update.millis() / 1000.0, keys, background, bare, background / bare);
    }
}
