package io.noveltylens.ui.heatmap;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
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
import org.eclipse.jface.util.IPropertyChangeListener;
import org.eclipse.jface.util.PropertyChangeEvent;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.texteditor.ITextEditor;

import io.noveltylens.core.NoveltyException;
import io.noveltylens.core.analysis.SentenceReadout;
import io.noveltylens.core.exclude.MaskedText;
import io.noveltylens.ui.Messages;
import io.noveltylens.ui.NoveltyLensPreferences;
import io.noveltylens.ui.engine.EngineService;
import io.noveltylens.ui.format.FailureText;
import io.noveltylens.ui.format.ReadoutFormat;

/**
 * The heatmap of one editor: scores its sentences in a {@link HeatmapJob} and shows each as an annotation coloured by
 * its match level ({@link LevelAnnotations}), whose text is the sentence's readouts (the editor's hover shows it), chunk by chunk as the job scores them.
 * After an edit it rescores, debounced by the live-mode delay, and drops results of a text that has changed since;
 * a change of what is left out rescores at once. The status line says what was left out of the document.
 */
public final class EditorHeatmap implements IDocumentListener {

    private final ITextEditor editor;
    private final IDocument document;
    private final IAnnotationModel annotations;
    private final EngineService engines;
    private final IPreferenceStore store;
    private final Display display;
    /** The annotations of the last complete run, which the current run replaces chunk by chunk. */
    private final List<Annotation> previousRun = new ArrayList<>();
    /** The annotations the current run has shown so far. */
    private final List<Annotation> current = new ArrayList<>();
    private final IPropertyChangeListener exclusionsListener = this::preferenceChanged;
    private HeatmapJob job;
    /** What the status line says was left out of the document, empty when nothing was. */
    private String leftOut = ""; //$NON-NLS-1$
    private long generation;
    private boolean stopped;

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
        store.addPropertyChangeListener(exclusionsListener);
        schedule(0);
    }

    void stop() {
        stopped = true;
        document.removeDocumentListener(this);
        store.removePropertyChangeListener(exclusionsListener);
        showLeftOut(""); //$NON-NLS-1$
        if (job != null) {
            job.cancel();
        }
        List<Annotation> all = new ArrayList<>(previousRun);
        all.addAll(current);
        previousRun.clear();
        current.clear();
        replace(all, Map.of());
    }

    /** What is left out changes what is scored: rescore at once. */
    private void preferenceChanged(PropertyChangeEvent event) {
        if (NoveltyLensPreferences.EXCLUSION_KEYS.contains(event.getProperty())) {
            display.asyncExec(() -> {
                if (!stopped) {
                    schedule(0);
                }
            });
        }
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
        // what a cancelled run showed is as old as the last complete run now: the new run replaces both
        previousRun.addAll(current);
        current.clear();
        String text = document.get();
        job = new HeatmapJob(text, engines, masked -> display.asyncExec(() -> {
            if (scheduled == generation && !stopped) {
                showLeftOut(leftOutMessage(masked));
            }
        }), (readouts, scoredUpTo, last) -> display.asyncExec(() -> {
            if (scheduled == generation && !stopped) {
                show(readouts, scoredUpTo, last);
            }
        }), error -> display.asyncExec(() -> showFailure(error)));
        job.schedule(delay);
    }

    /**
     * Shows one scored chunk: its annotations replace those of the previous run up to where this run has scored, so
     * the colours stay on show (at their tracked positions) until the new ones arrive; the last chunk removes what
     * remains of the previous run.
     */
    private void show(List<SentenceReadout> readouts, int scoredUpTo, boolean last) {
        Map<Annotation, Position> added = new HashMap<>();
        for (SentenceReadout sentence : readouts) {
            added.put(new Annotation(LevelAnnotations.type(sentence.matchLevel()), false, hover(sentence)),
                    new Position(sentence.span().start(), sentence.span().end() - sentence.span().start()));
        }
        List<Annotation> removed = new ArrayList<>();
        for (Iterator<Annotation> it = previousRun.iterator(); it.hasNext();) {
            Annotation old = it.next();
            Position position = annotations.getPosition(old);
            if (last || position == null || position.getOffset() < scoredUpTo) {
                removed.add(old);
                it.remove();
            }
        }
        replace(removed, added);
        if (last) {
            previousRun.addAll(current);
            current.clear();
        }
    }

    private static String hover(SentenceReadout sentence) {
        return NLS.bind(Messages.EditorHeatmap_hover,
                new Object[] { LevelAnnotations.label(sentence.matchLevel()),
                        LevelAnnotations.meaning(sentence.matchLevel()),
                        ReadoutFormat.percentile(sentence.density().percentile()),
                        sentence.density().percentileExplanation(), ReadoutFormat.similarity(sentence.nearestCosine()),
                        ReadoutFormat.share(sentence.verbatimCoverage()) });
    }

    private static String leftOutMessage(MaskedText masked) {
        if (masked.excluded().isEmpty()) {
            return ""; //$NON-NLS-1$
        }
        return NLS.bind(masked.nothingLeft() ? Messages.EditorHeatmap_allLeftOut : Messages.EditorHeatmap_leftOut,
                masked.summary());
    }

    private void showLeftOut(String message) {
        if (!message.equals(leftOut)) {
            leftOut = message;
            editor.getEditorSite().getActionBars().getStatusLineManager()
                    .setMessage(message.isEmpty() ? null : message);
        }
    }

    private void showFailure(NoveltyException error) {
        editor.getEditorSite().getActionBars().getStatusLineManager()
                .setErrorMessage(NLS.bind(Messages.EditorHeatmap_failed, FailureText.of(error)));
    }

    private void replace(List<Annotation> removed, Map<Annotation, Position> added) {
        if (annotations instanceof IAnnotationModelExtension extension) {
            extension.replaceAnnotations(removed.toArray(Annotation[]::new), added);
        } else {
            removed.forEach(annotations::removeAnnotation);
            added.forEach(annotations::addAnnotation);
        }
        current.addAll(added.keySet());
    }

    /** Where the coloured sentence around {@code offset} is now (edits since it was scored included), or null. */
    public Position sentenceAt(int offset) {
        List<Annotation> shown = new ArrayList<>(previousRun);
        shown.addAll(current);
        for (Annotation annotation : shown) {
            Position position = annotations.getPosition(annotation);
            if (position != null && !position.isDeleted() && position.getOffset() <= offset
                    && offset <= position.getOffset() + position.getLength()) {
                return position;
            }
        }
        return null;
    }

    /** For tests: what the status line says was left out of the document, empty when nothing was. */
    public String leftOut() {
        return leftOut;
    }

    /** For tests: the annotations on show. */
    public int annotationCount() {
        return previousRun.size() + current.size();
    }
}
