package io.noveltylens.ui.view;

import java.util.stream.Collectors;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyleRange;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;

import io.noveltylens.core.verbatim.VerbatimReadout;
import io.noveltylens.ui.Messages;
import io.noveltylens.ui.format.ReadoutFormat;

/** The passage with the stretches found verbatim in the corpus highlighted, and the coverage for each run length L. */
final class VerbatimSection {

    private static final int VISIBLE_LINES = 5;

    private final WrappingText coverage;
    private final WrappingText explanation;
    private final StyledText passage;

    VerbatimSection(Composite parent) {
        coverage = Section.wrappingText(parent);
        explanation = Section.wrappingText(parent);
        passage = new StyledText(parent, SWT.READ_ONLY | SWT.WRAP | SWT.MULTI | SWT.V_SCROLL | SWT.BORDER);
        GridDataFactory.fillDefaults().grab(true, false).hint(100, passage.getLineHeight() * VISIBLE_LINES)
                .applyTo(passage);
    }

    void show(String text, VerbatimReadout verbatim) {
        coverage.setText(NLS.bind(Messages.VerbatimSection_coverage, verbatim.coverage().stream()
                .map(c -> "L=" + c.minWords() + " " + ReadoutFormat.share(c.share())) //$NON-NLS-1$ //$NON-NLS-2$
                .collect(Collectors.joining(" \u00b7 ")))); //$NON-NLS-1$
        explanation.setText(verbatim.explanation());
        passage.setText(text);
        Display display = passage.getDisplay();
        // the theme's selection colours: a highlight that reads on light and dark backgrounds; set at once, since
        // each setStyleRange lays the text out again on the UI thread
        passage.setStyleRanges(RunHighlights.of(verbatim.spans(), 0, text.length(),
                display.getSystemColor(SWT.COLOR_LIST_SELECTION_TEXT), display.getSystemColor(SWT.COLOR_LIST_SELECTION))
                .toArray(StyleRange[]::new));
    }

    StyledText passage() {
        return passage;
    }
}
