package io.noveltylens.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import io.noveltylens.ui.NoveltyLensPlugin;
import io.noveltylens.ui.analysis.JobFamilies;
import io.noveltylens.ui.heatmap.EditorHeatmap;

/**
 * The heatmap on the shipped corpus, with text a writer of the corpus's kind would write: the opening of Pride and
 * Prejudice (in the corpus) must be an echo, and the ordinary sentences after it must not all be painted novel. They
 * are Mark Twain's, from Huckleberry Finn, which the corpus does not hold (it holds his Tom Sawyer). Before the
 * calibration every sentence was read against the corpus's whole passages, and most ordinary sentences came out novel.
 */
@ExtendWith(WorkbenchFixture.class)
class CalibratedHeatmapTest {

    private static final String QUOTATION = "It is a truth universally acknowledged, that a single man in possession of a " //$NON-NLS-1$
            + "good fortune, must be in want of a wife."; //$NON-NLS-1$
    /** Mark Twain, Adventures of Huckleberry Finn (1884), public domain. */
    private static final String TWAIN = """
            I was pretty tired, and the first thing I knowed I was asleep. When I woke up I didn't know where I was for \
            a minute. I set up and looked around, a little scared. Then I remembered. The river looked miles and miles \
            across. The moon was so bright I could a counted the drift logs that went a-slipping along, black and \
            still, hundreds of yards out from shore.

            It didn't take me long to get there. I shot past the head at a ripping rate, the current was so swift, and \
            then I got into the dead water and landed on the side towards the Illinois shore. I run the canoe into a \
            deep dent in the bank that I knowed about; I had to part the willow branches to get in; and when I made \
            fast nobody could a seen the canoe from the outside.

            I went up and set down on a log at the head of the island, and looked out on the big river and the black \
            driftwood and away over to the town, three mile away, where there was three or four lights twinkling. A \
            monstrous big lumber-raft was about a mile up stream, coming along down, with a lantern in the middle of \
            it.
            """;

    @Test
    void aQuotationIsAnEchoAndOrdinaryTextOfACorpusAuthorIsMostlyNotNovel() throws Exception {
        TestCorpus.useShippedCorpusIndex();
        try {
            String text = QUOTATION + "\n\n" + TWAIN; //$NON-NLS-1$
            int sentences = SentenceSplitter.sentences(text).size();
            ITextEditor editor = Workspace.open(Workspace.file(Workspace.project("twain"), "chapter.txt", text)); //$NON-NLS-1$ //$NON-NLS-2$
            UiTestSupport.sizeWindow(editor.getSite().getShell());
            Workspace.page().activate(editor);
            PlatformUI.getWorkbench().getService(IHandlerService.class).executeCommand("io.noveltylens.ui.toggleHeatmap", //$NON-NLS-1$
                    null);
            EditorHeatmap heatmap = NoveltyLensPlugin.getDefault().getHeatmaps().of(editor);
            UiTestSupport.waitFor(JobFamilies.HEATMAP, () -> heatmap.annotationCount() == sentences
                    && Job.getJobManager().find(JobFamilies.HEATMAP).length == 0);
            UiTestSupport.spin();
            UiTestSupport.screenshot(editor.getSite().getShell(), "heatmap-calibrated"); //$NON-NLS-1$

            List<String> bands = bandsInOrder(editor.getDocumentProvider().getAnnotationModel(editor.getEditorInput()));
            assertEquals(sentences, bands.size(), bands.toString());
            assertEquals("io.noveltylens.ui.heatmap.echo", bands.get(0), "the quotation: " + bands); //$NON-NLS-1$ //$NON-NLS-2$
            long novel = bands.subList(1, bands.size()).stream().filter(b -> b.endsWith(".novel")).count(); //$NON-NLS-1$
            assertTrue(2 * novel < bands.size() - 1, novel + " of " + (bands.size() - 1) //$NON-NLS-1$
                    + " ordinary sentences painted novel: " + bands); //$NON-NLS-1$
            PlatformUI.getWorkbench().getService(IHandlerService.class).executeCommand("io.noveltylens.ui.toggleHeatmap", //$NON-NLS-1$
                    null);
        } finally {
            TestCorpus.restore();
        }
    }

    /** The heatmap band of every sentence, in document order. */
    private static List<String> bandsInOrder(IAnnotationModel model) {
        List<Position> positions = new ArrayList<>();
        List<String> types = new ArrayList<>();
        for (Iterator<Annotation> it = model.getAnnotationIterator(); it.hasNext();) {
            Annotation annotation = it.next();
            Position position = model.getPosition(annotation);
            if (annotation.getType().startsWith("io.noveltylens.ui.heatmap.") && position != null) { //$NON-NLS-1$
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
