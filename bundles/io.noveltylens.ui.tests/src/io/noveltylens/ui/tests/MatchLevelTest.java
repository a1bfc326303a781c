package io.noveltylens.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.preference.IPreferenceStore;
import org.eclipse.jface.text.Position;
import org.eclipse.jface.text.source.Annotation;
import org.eclipse.jface.text.source.IAnnotationModel;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.IHandlerService;
import org.eclipse.ui.texteditor.ITextEditor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.noveltylens.core.analysis.MatchLevel;
import io.noveltylens.test.support.MatchLevelCases;
import io.noveltylens.ui.NoveltyLensPreferences;
import io.noveltylens.ui.engine.JobFamilies;
import io.noveltylens.ui.heatmap.EditorHeatmap;
import io.noveltylens.ui.heatmap.LevelAnnotations;
import io.noveltylens.ui.plugin.NoveltyLensPlugin;
import io.noveltylens.ui.view.NoveltyView;

/**
 * The match levels on the shipped corpus, as a writer sees them: sentences made to be identical, near-verbatim, a
 * paraphrase, related and novel ({@link MatchLevelCases}) each painted in its level's colour with the level first in
 * its hover, and the Novelty view naming the passage's level, the sentences' tally and the legend.
 */
@ExtendWith(WorkbenchFixture.class)
class MatchLevelTest {

    private static final Path SHIPPED = TestCorpus.basedir().resolve("../io.noveltylens.corpus.default").normalize();
    /** The annotation types plugin.xml declares for the levels, each with its own colour. */
    private static final Map<MatchLevel, String> DECLARED_TYPES = Map.of(
            MatchLevel.IDENTICAL, "io.noveltylens.ui.heatmap.identical",
            MatchLevel.NEAR_VERBATIM, "io.noveltylens.ui.heatmap.nearVerbatim",
            MatchLevel.PARAPHRASE, "io.noveltylens.ui.heatmap.paraphrase",
            MatchLevel.RELATED, "io.noveltylens.ui.heatmap.related",
            MatchLevel.NOVEL, "io.noveltylens.ui.heatmap.novel");

    private final IPreferenceStore store = NoveltyLensPlugin.getDefault().getPreferenceStore();

    @Test
    void theHeatmapAndTheViewShowEachConstructedSentencesLevel() throws Exception {
        MatchLevelCases.checkConstruction(SHIPPED.resolve("corpus"));
        store.setValue(NoveltyLensPreferences.CORPUS_CHOICE, NoveltyLensPreferences.INDEX);
        store.setValue(NoveltyLensPreferences.INDEX_DIR, SHIPPED.resolve("index").toString());
        TestCorpus.awaitEngine();
        try {
            String document = MatchLevelCases.document();
            NoveltyView view = (NoveltyView) Workspace.page().showView(NoveltyView.ID);
            ITextEditor editor = Workspace.open(Workspace.file(Workspace.project("levels"), "draft.txt", document));
            Workspace.page().activate(editor);
            PlatformUI.getWorkbench().getService(IHandlerService.class).executeCommand(
                    "io.noveltylens.ui.toggleHeatmap", null);
            EditorHeatmap heatmap = NoveltyLensPlugin.getDefault().getHeatmaps().of(editor);
            List<MatchLevelCases.Case> cases = MatchLevelCases.all();
            UiTestSupport.waitFor(JobFamilies.HEATMAP, () -> heatmap.annotationCount() == cases.size()
                    && Job.getJobManager().find(JobFamilies.HEATMAP).length == 0);

            List<Annotation> annotations = inOrder(
                    editor.getDocumentProvider().getAnnotationModel(editor.getEditorInput()));
            assertEquals(cases.size(), annotations.size());
            assertEquals(MatchLevel.values().length, Arrays.stream(MatchLevel.values()).map(LevelAnnotations::colour)
                    .distinct().count(), "a colour of its own for each level");
            for (int i = 0; i < cases.size(); i++) {
                MatchLevel level = MatchLevel.valueOf(cases.get(i).level());
                assertEquals(DECLARED_TYPES.get(level), annotations.get(i).getType(), cases.get(i).text());
                assertTrue(annotations.get(i).getText().startsWith("Match level: " + LevelAnnotations.label(level)),
                        annotations.get(i).getText());
            }

            UiTestSupport.screenshot(editor.getSite().getShell(), "match-levels-heatmap");

            editor.selectAndReveal(0, document.length());
            UiTestSupport.waitFor(JobFamilies.ANALYSIS, () -> NoveltyViewTest.completeReportOf(view, document));
            List<String> match = view.reportPage().matchTexts();
            MatchLevel passage = view.reportPage().report().matchLevel();
            assertTrue(match.get(0).startsWith(LevelAnnotations.label(passage) + ": "), match.toString());
            assertEquals(
                    "Sentences: 1 identical \u00b7 1 near-verbatim \u00b7 1 paraphrase \u00b7 1 related \u00b7 1 novel",
                    match.get(1));
            assertEquals(MatchLevel.values().length, match.size() - 2, "a legend line per level: " + match);
            UiTestSupport.screenshotMaximised(view, "match-levels-view");
            Workspace.page().activate(editor);
            PlatformUI.getWorkbench().getService(IHandlerService.class).executeCommand(
                    "io.noveltylens.ui.toggleHeatmap", null);
        } finally {
            store.setValue(NoveltyLensPreferences.CORPUS_CHOICE, NoveltyLensPreferences.SOURCES);
            TestCorpus.restore();
        }
    }

    /** The heatmap's annotations in document order. */
    private static List<Annotation> inOrder(IAnnotationModel model) {
        List<Annotation> annotations = new ArrayList<>();
        for (Iterator<Annotation> it = model.getAnnotationIterator(); it.hasNext();) {
            Annotation annotation = it.next();
            if (annotation.getType().startsWith("io.noveltylens.ui.heatmap.")) {
                annotations.add(annotation);
            }
        }
        annotations.sort((a, b) -> Integer.compare(offset(model, a), offset(model, b)));
        return annotations;
    }

    private static int offset(IAnnotationModel model, Annotation annotation) {
        Position position = model.getPosition(annotation);
        return position == null ? -1 : position.getOffset();
    }
}
