package io.noveltylens.ui.view;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;

import io.noveltylens.core.analysis.MatchLevel;
import io.noveltylens.core.analysis.NoveltyReport;
import io.noveltylens.core.analysis.SentenceReadout;
import io.noveltylens.ui.Messages;
import io.noveltylens.ui.heatmap.LevelAnnotations;

/**
 * The passage's match level, how many of its sentences got each level, and the legend of the heatmap's colours: one
 * swatch per level in the colour the editor paints it with (the theme's or the user's) and its name, three to a row,
 * with what the level means as the name's tooltip. The legend's labels do not wrap: a wrapping label costs the view's
 * layout a text measurement at every width, and the layout runs on the UI thread at every report.
 */
final class MatchSection {

    private static final int SWATCH = 14;
    private static final int LEVELS_PER_ROW = 3;

    private final WrappingText level;
    private final WrappingText sentences;
    private final Map<MatchLevel, Canvas> swatches = new EnumMap<>(MatchLevel.class);
    private final Map<MatchLevel, Color> colours = new EnumMap<>(MatchLevel.class);
    private final List<Label> legend = new ArrayList<>();

    MatchSection(Composite parent) {
        level = Section.wrappingText(parent);
        sentences = Section.wrappingText(parent);
        Label title = new Label(parent, SWT.NONE);
        title.setText(Messages.MatchSection_legend);
        GridDataFactory.fillDefaults().indent(0, 4).applyTo(title);
        Composite rows = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(2 * LEVELS_PER_ROW).spacing(6, 2).applyTo(rows);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(rows);
        for (MatchLevel each : MatchLevel.values()) {
            // painted, not a label's background, which the workbench's theme styles over
            Canvas swatch = new Canvas(rows, SWT.BORDER);
            swatch.addPaintListener(event -> {
                event.gc.setBackground(colours.get(each));
                event.gc.fillRectangle(swatch.getClientArea());
            });
            GridDataFactory.swtDefaults().hint(SWATCH, SWATCH).align(SWT.CENTER, SWT.CENTER).applyTo(swatch);
            swatches.put(each, swatch);
            Label name = new Label(rows, SWT.NONE);
            name.setText(LevelAnnotations.label(each));
            name.setToolTipText(LevelAnnotations.meaning(each));
            swatch.setToolTipText(name.getToolTipText());
            GridDataFactory.swtDefaults().indent(0, 0).applyTo(name);
            legend.add(name);
        }
        readColours();
    }

    void show(NoveltyReport report) {
        MatchLevel passage = report.matchLevel();
        level.setText(NLS.bind(Messages.MatchSection_level, LevelAnnotations.label(passage),
                LevelAnnotations.meaning(passage)));
        sentences.setText(tally(report.sentences()));
        ((GridData) sentences.getLayoutData()).exclude = report.sentences().isEmpty();
        sentences.setVisible(!report.sentences().isEmpty());
        // read at every report: the user or a theme switch may have changed the colours since
        readColours();
        swatches.values().forEach(Canvas::redraw);
    }

    private void readColours() {
        for (MatchLevel each : MatchLevel.values()) {
            colours.put(each, new Color(LevelAnnotations.colour(each)));
        }
    }

    /** "Sentences: 1 identical · 3 related", the levels in order, those no sentence got left out. */
    private static String tally(List<SentenceReadout> readouts) {
        Map<MatchLevel, Integer> counts = new EnumMap<>(MatchLevel.class);
        readouts.forEach(readout -> counts.merge(readout.matchLevel(), 1, Integer::sum));
        List<String> parts = new ArrayList<>();
        counts.forEach((each, count) -> parts.add(NLS.bind(Messages.MatchSection_sentenceCount, count,
                LevelAnnotations.label(each))));
        return NLS.bind(Messages.MatchSection_sentences, String.join(" \u00b7 ", parts)); //$NON-NLS-1$
    }

    /** For tests: the passage's level as shown, the sentences' tally, and the legend's names in level order. */
    List<String> texts() {
        List<String> texts = new ArrayList<>(List.of(level.getText(), sentences.getText()));
        legend.forEach(line -> texts.add(line.getText()));
        return texts;
    }
}
