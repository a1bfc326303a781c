package io.noveltylens.ui.heatmap;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.jface.preference.IPreferenceStore;
import org.eclipse.jface.text.DocumentEvent;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IDocumentListener;
import org.eclipse.jface.text.Position;
import org.eclipse.jface.text.source.Annotation;
import org.eclipse.jface.text.source.IAnnotationModel;
import org.eclipse.jface.text.source.IAnnotationModelExtension;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.texteditor.ITextEditor;

import io.noveltylens.core.NoveltyException;
import io.noveltylens.core.analysis.SentenceReadout;
import io.noveltylens.ui.Messages;
import io.noveltylens.ui.analysis.EngineService;
import io.noveltylens.ui.prefs.NoveltyLensPreferences;
import io.noveltylens.ui.view.ReadoutFormat;

/**
 * The heatmap of one editor: scores its sentences in a {@link HeatmapJob} and shows each as an annotation coloured by
 * band, whose text is the sentence's readouts (the editor's hover shows it). After an edit it rescores, debounced by
 * the live-mode delay, and drops results of a text that has changed since.
 */
public final class EditorHeatmap implements IDocumentListener {

    private final ITextEditor editor;
    private final IDocument document;
    private final IAnnotationModel annotations;
    private final EngineService engines;
    private final IPreferenceStore store;
    private final Display display;
    private Annotation[] shown = new Annotation[0];
    private HeatmapJob job;
    private long generation;

    EditorHeatmap(ITextEditor editor, EngineService engines, IPreferenceStore store) {
        this.editor = editor;
        this.document = editor.getDocumentProvider().getDocument(editor.getEditorInput());
        this.annotations = editor.getDocumentProvider().getAnnotationModel(editor.getEditorInput());
        this.engines = engines;
        this.store = store;
        this.display = Display.getCurrent();
    }

    void start() {
        document.addDocumentListener(this);
        schedule(0);
    }

    void stop() {
        document.removeDocumentListener(this);
        if (job != null) {
            job.cancel();
        }
        replace(new HashMap<>());
    }

    @Override
    public void documentAboutToBeChanged(DocumentEvent event) {
        // rescoring waits for the change itself
    }

    @Override
    public void documentChanged(DocumentEvent event) {
        schedule(store.getInt(NoveltyLensPreferences.LIVE_DELAY_MILLIS));
    }

    private void schedule(long delay) {
        if (job != null) {
            job.cancel();
        }
        long scheduled = ++generation;
        String text = document.get();
        job = new HeatmapJob(text, engines, sentences -> display.asyncExec(() -> {
            if (scheduled == generation) {
                show(sentences);
            }
        }), error -> display.asyncExec(() -> showFailure(error)));
        job.setSystem(true);
        job.schedule(delay);
    }

    private void show(List<SentenceReadout> sentences) {
        int echoBelow = store.getInt(NoveltyLensPreferences.HEATMAP_ECHO_BELOW);
        int novelAbove = store.getInt(NoveltyLensPreferences.HEATMAP_NOVEL_ABOVE);
        Map<Annotation, Position> added = new HashMap<>();
        for (SentenceReadout sentence : sentences) {
            double percentile = sentence.density().percentile();
            HeatmapBand band = HeatmapBand.of(percentile, echoBelow, novelAbove);
            added.put(new Annotation(band.annotationType, false, hover(sentence)),
                    new Position(sentence.span().start(), sentence.span().end() - sentence.span().start()));
        }
        replace(added);
    }

    private static String hover(SentenceReadout sentence) {
        return NLS.bind(Messages.EditorHeatmap_hover, new Object[] { ReadoutFormat.percentile(sentence.density().percentile()),
                sentence.density().percentileExplanation(), ReadoutFormat.similarity(sentence.nearestCosine()),
                ReadoutFormat.share(sentence.verbatimCoverage()) });
    }

    private void showFailure(NoveltyException error) {
        editor.getEditorSite().getActionBars().getStatusLineManager()
                .setErrorMessage(NLS.bind(Messages.EditorHeatmap_failed, error.getMessage()));
    }

    private void replace(Map<Annotation, Position> added) {
        if (annotations instanceof IAnnotationModelExtension extension) {
            extension.replaceAnnotations(shown, added);
        } else {
            for (Annotation old : shown) {
                annotations.removeAnnotation(old);
            }
            added.forEach(annotations::addAnnotation);
        }
        shown = added.keySet().toArray(Annotation[]::new);
    }

    /** For tests: the annotations on show. */
    public int annotationCount() {
        return shown.length;
    }
}
