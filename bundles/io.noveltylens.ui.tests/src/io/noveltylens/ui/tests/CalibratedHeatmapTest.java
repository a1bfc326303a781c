package io.noveltylens.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.text.Position;
import org.eclipse.jface.text.source.Annotation;
import org.eclipse.jface.text.source.IAnnotationModel;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.IHandlerService;
import org.eclipse.ui.texteditor.ITextEditor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.noveltylens.core.corpus.SentenceSplitter;
import io.noveltylens.test.support.TextLines;
import io.noveltylens.ui.engine.JobFamilies;
import io.noveltylens.ui.heatmap.EditorHeatmap;
import io.noveltylens.ui.plugin.NoveltyLensPlugin;

/**
 * The heatmap on a corpus of real prose, with text from the corpus's own distribution: a corpus sentence copied into
 * the document must be identical, and the author's own held-out paragraphs must not be painted mostly novel. The corpus
 * is the core tests' Austen fixture without blocks of 7 paragraphs, one every 25; the document is the middle
 * paragraphs of those blocks, which the index never saw. Before the calibration every sentence was read against the
 * corpus's whole passages, and most ordinary sentences came out novel (docs/readouts.md, Validity).
 */
@ExtendWith(WorkbenchFixture.class)
class CalibratedHeatmapTest {

    private static final int EVERY = 25;
    private static final int BLOCK = 7;
    private static final int HELD_OUT_PARAGRAPHS = 6;

    @Test
    void aCorpusSentenceIsAnEchoAndHeldOutTextOfTheAuthorIsMostlyNotNovel() throws Exception {
        List<String> austen = TextLines.read(
                TestCorpus.basedir().resolve("../io.noveltylens.core.tests/fixtures/austen-1500.txt.gz"));
        List<String> indexed = new ArrayList<>();
        List<String> heldOut = new ArrayList<>();
        for (int i = 0; i < austen.size(); i++) {
            int inBlock = i % EVERY - (EVERY - BLOCK) / 2;
            if (inBlock < 0 || inBlock >= BLOCK) {
                indexed.add(austen.get(i));
            } else if (inBlock == BLOCK / 2 && heldOut.size() < HELD_OUT_PARAGRAPHS) {
                heldOut.add(austen.get(i));
            }
        }
        Path corpus = TestCorpus.basedir().resolve("target/austen-corpus");
        Files.createDirectories(corpus);
        Files.write(corpus.resolve("austen.txt"), indexed, StandardCharsets.UTF_8);
        // a corpus passage of one sentence, copied whole: identical
        String copied = indexed.stream().filter(line -> SentenceSplitter.sentences(line).size() == 1
                && line.split(" ").length >= 12).findFirst().orElseThrow();
        TestCorpus.useSources(corpus);
        try {
            String text = copied + "\n\n" + String.join("\n\n", heldOut);
            int sentences = SentenceSplitter.sentences(text).size();
            ITextEditor editor = Workspace.open(Workspace.file(Workspace.project("austen"), "chapter.txt", text));
            UiTestSupport.sizeWindow(editor.getSite().getShell());
            Workspace.page().activate(editor);
            PlatformUI.getWorkbench().getService(IHandlerService.class).executeCommand(
                    "io.noveltylens.ui.toggleHeatmap",
                    null);
            EditorHeatmap heatmap = NoveltyLensPlugin.getDefault().getHeatmaps().of(editor);
            UiTestSupport.waitFor(JobFamilies.HEATMAP, () -> heatmap.annotationCount() == sentences
                    && Job.getJobManager().find(JobFamilies.HEATMAP).length == 0);
            UiTestSupport.spin();
            UiTestSupport.screenshot(editor.getSite().getShell(), "heatmap-calibrated");

            List<String> bands = bandsInOrder(editor.getDocumentProvider().getAnnotationModel(editor.getEditorInput()));
            assertEquals(sentences, bands.size(), bands.toString());
            assertEquals("io.noveltylens.ui.heatmap.identical", bands.get(0), "the copied sentence: " + bands);
            long novel = bands.subList(1, bands.size()).stream().filter(b -> b.endsWith(".novel")).count();
            // ordinary text of the corpus is above the novel threshold (the 75th percentile) a quarter of the time
            assertTrue(2 * novel < bands.size() - 1, novel + " of " + (bands.size() - 1)
                    + " held-out sentences painted novel: " + bands);
            PlatformUI.getWorkbench().getService(IHandlerService.class).executeCommand(
                    "io.noveltylens.ui.toggleHeatmap",
                    null);
        } finally {
            TestCorpus.restore();
        }
    }

    /** The heatmap level of every sentence, in document order. */
    private static List<String> bandsInOrder(IAnnotationModel model) {
        List<Position> positions = new ArrayList<>();
        List<String> types = new ArrayList<>();
        for (Iterator<Annotation> it = model.getAnnotationIterator(); it.hasNext();) {
            Annotation annotation = it.next();
            Position position = model.getPosition(annotation);
            if (annotation.getType().startsWith("io.noveltylens.ui.heatmap.") && position != null) {
                int at = 0;
                while (at < positions.size() && positions.get(at).getOffset() < position.getOffset()) {
                    at++;
                }
                positions.add(at, position);
                types.add(at, annotation.getType());
            }
        }
        return types;
    }
}
