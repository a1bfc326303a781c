package io.noveltylens.ui.view;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.preference.JFacePreferences;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.custom.StyleRange;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.part.ViewPart;

import io.noveltylens.core.analysis.MatchLevel;
import io.noveltylens.core.corpus.Provenance;
import io.noveltylens.core.index.Neighbour;
import io.noveltylens.core.verbatim.VerbatimSpan;
import io.noveltylens.ui.HelpContexts;
import io.noveltylens.ui.Messages;
import io.noveltylens.ui.engine.EngineService;
import io.noveltylens.ui.format.FailureText;
import io.noveltylens.ui.format.ReadoutFormat;
import io.noveltylens.ui.heatmap.LevelAnnotations;

/**
 * The analysed text and a corpus passage side by side, read-only: the word runs they share highlighted in both (in
 * the heatmap's "identical" colour), the passage between the passages before and after it in its source (greyed).
 * Opened from the Novelty view's neighbours (the source itself stays a context-menu item away) and from a heatmap
 * sentence (Read Beside Its Nearest Passage in the editor's context menu).
 */
public final class SideBySideView extends ViewPart {

    public static final String ID = "io.noveltylens.ui.sideBySideView"; //$NON-NLS-1$
    private static final String PARAGRAPH = "\n\n"; //$NON-NLS-1$

    private Label textTitle;
    private StyledText text;
    private Label passageTitle;
    private StyledText passage;
    private Job job;

    /** Shows the view with {@code analysed} beside {@code neighbour}, read from {@code source} in the background. */
    public static void open(IWorkbenchPage page, String analysed, Neighbour neighbour, Path source)
            throws PartInitException {
        ((SideBySideView) page.showView(ID)).show(analysed, neighbour, source);
    }

    /**
     * Shows the view with a heatmap sentence beside its nearest corpus passage, searched for in the background (the
     * heatmap keeps only that passage's similarity).
     */
    public static void openNearest(IWorkbenchPage page, String sentence, EngineService engines)
            throws PartInitException {
        ((SideBySideView) page.showView(ID)).showNearest(sentence, engines);
    }

    @Override
    public void createPartControl(Composite parent) {
        HelpContexts.SIDE_BY_SIDE_VIEW.attach(parent);
        SashForm sides = new SashForm(parent, SWT.HORIZONTAL);
        Composite left = side(sides);
        textTitle = title(left, Messages.SideBySideView_yourText);
        text = reader(left);
        Composite right = side(sides);
        passageTitle = title(right, ""); //$NON-NLS-1$
        passage = reader(right);
    }

    private static Composite side(Composite parent) {
        Composite side = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().margins(4, 4).applyTo(side);
        return side;
    }

    private static Label title(Composite parent, String title) {
        Label label = new Label(parent, SWT.WRAP);
        label.setText(title);
        label.setFont(JFaceResources.getFontRegistry().getBold(JFaceResources.DIALOG_FONT));
        GridDataFactory.fillDefaults().grab(true, false).hint(100, SWT.DEFAULT).applyTo(label);
        return label;
    }

    private static StyledText reader(Composite parent) {
        StyledText reader = new StyledText(parent, SWT.WRAP | SWT.V_SCROLL | SWT.READ_ONLY | SWT.BORDER);
        reader.setMargins(6, 6, 6, 6);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(reader);
        return reader;
    }

    private void showNearest(String sentence, EngineService engines) {
        cancelJob();
        passageTitle.setText(Messages.SideBySideView_searching);
        passageTitle.getParent().layout();
        text.setText(sentence);
        passage.setText(""); //$NON-NLS-1$
        SourceLocator locator = new SourceLocator(engines.configs());
        job = new NearestPassageJob(sentence, engines, nearest -> text.getDisplay().asyncExec(() -> {
            if (!text.isDisposed() && sentence.equals(text.getText())) {
                show(sentence, nearest, locator.resolve(nearest.sources().get(0).source()));
            }
        }), failure -> text.getDisplay().asyncExec(() -> {
            if (!text.isDisposed() && sentence.equals(text.getText())) {
                passageTitle.setText(NLS.bind(Messages.SideBySideView_noNearest, FailureText.of(failure)));
                passageTitle.getParent().layout();
            }
        }));
        job.schedule();
    }

    private void show(String analysed, Neighbour neighbour, Path source) {
        cancelJob();
        Provenance where = neighbour.sources().get(0);
        passageTitle.setText(NLS.bind(Messages.SideBySideView_reading, source.getFileName(), where.line()));
        text.setText(analysed);
        passage.setText(neighbour.text());
        job = new SideBySideJob(analysed, neighbour, source, reading -> text.getDisplay().asyncExec(() -> {
            if (!text.isDisposed() && reading.text().equals(text.getText())) {
                render(reading);
            }
        }));
        job.schedule();
    }

    private void cancelJob() {
        if (job != null) {
            job.cancel();
        }
    }

    private void render(SideBySideReading reading) {
        Color shared = new Color(LevelAnnotations.colour(MatchLevel.IDENTICAL));
        Provenance where = reading.neighbour().sources().get(0);
        BitSet covered = new BitSet();
        for (VerbatimSpan run : reading.textRuns()) {
            // runs can overlap: count each word once
            covered.set(run.firstWord(), run.firstWord() + run.wordCount());
        }
        int words = covered.cardinality();
        String place = Path.of(where.source()).getFileName() + ":" + where.line(); //$NON-NLS-1$
        passageTitle.setText(reading.failure() == null
                ? NLS.bind(Messages.SideBySideView_passage,
                        new Object[] { place, ReadoutFormat.similarity(reading.neighbour().cosine()), words })
                : NLS.bind(Messages.SideBySideView_noContext, new Object[] { place,
                        ReadoutFormat.similarity(reading.neighbour().cosine()), FailureText.of(reading.failure()) }));
        textTitle.getParent().layout();
        passageTitle.getParent().layout();
        text.setText(reading.text());
        text.setStyleRanges(
                RunHighlights.of(reading.textRuns(), 0, reading.text().length(), null, shared)
                        .toArray(StyleRange[]::new));
        String before = reading.context() == null || reading.context().before().isEmpty() ? ""
                : reading.context().before() + PARAGRAPH;
        String after = reading.context() == null || reading.context().after().isEmpty() ? ""
                : PARAGRAPH + reading.context().after();
        passage.setText(before + reading.passage() + after);
        List<StyleRange> ranges = new ArrayList<>();
        Color context = JFaceResources.getColorRegistry().get(JFacePreferences.QUALIFIER_COLOR);
        if (!before.isEmpty()) {
            ranges.add(new StyleRange(0, before.length(), context, null));
        }
        ranges.addAll(
                RunHighlights.of(reading.passageRuns(), before.length(), before.length() + reading.passage().length(),
                        null, shared));
        if (!after.isEmpty()) {
            ranges.add(new StyleRange(before.length() + reading.passage().length(), after.length(), context, null));
        }
        passage.setStyleRanges(ranges.toArray(StyleRange[]::new));
        // the passage, not the context before it, is what the reader came for
        passage.setTopIndex(passage.getLineAtOffset(before.length()));
    }

    @Override
    public void setFocus() {
        passage.setFocus();
    }

    /** For tests: the highlighted stretches of the analysed text (left) or of the passage with its context (right). */
    public List<String> highlighted(boolean left) {
        StyledText side = left ? text : passage;
        List<String> stretches = new ArrayList<>();
        for (StyleRange range : side.getStyleRanges()) {
            if (range.background != null) {
                stretches.add(side.getTextRange(range.start, range.length));
            }
        }
        return stretches;
    }

    /** For tests: the right side's text, the passage between its context. */
    public String passageText() {
        return passage.getText();
    }
}
