package io.noveltylens.ui.annotate;

import java.util.Comparator;
import java.util.function.Function;

import org.eclipse.jface.viewers.ColumnLabelProvider;

import io.noveltylens.core.annotate.AnnotatedPassage;
import io.noveltylens.ui.Messages;
import io.noveltylens.ui.format.ReadoutFormat;

/** The columns of the results table: title, width, text, and the order a click on the header sorts by. */
enum ResultColumns {
    PERCENTILE(Messages.ResultColumns_percentile, 80, r -> ReadoutFormat.percentile(r.report().density().percentile()),
            Comparator.comparingDouble(r -> r.report().density().percentile())),
    VERDICT(Messages.ResultColumns_verdict, 200, r -> r.report().verdict().phrase(),
            Comparator.comparing(r -> r.report().verdict())),
    NEAREST(Messages.ResultColumns_nearest, 80,
            r -> r.report().neighbours().isEmpty() ? ""
                    : ReadoutFormat.similarity(r.report().neighbours().get(0).cosine()), //$NON-NLS-1$
            Comparator.comparingDouble(
                    r -> r.report().neighbours().isEmpty() ? 0 : r.report().neighbours().get(0).cosine())),
    PASSAGE(Messages.ResultColumns_passage, 360, r -> ReadoutFormat.snippet(r.report().text(), 160),
            Comparator.comparing(r -> r.report().text())),
    SOURCE(Messages.ResultColumns_source, 200, r -> ReadoutFormat.source(r.provenance()),
            Comparator.comparing((AnnotatedPassage r) -> r.provenance().source())
                    .thenComparingInt(r -> r.provenance().startOffset()));

    final String title;
    final int width;
    final Function<AnnotatedPassage, String> text;
    final Comparator<AnnotatedPassage> order;

    ResultColumns(String title, int width, Function<AnnotatedPassage, String> text,
            Comparator<AnnotatedPassage> order) {
        this.title = title;
        this.width = width;
        this.text = text;
        this.order = order;
    }

    ColumnLabelProvider labels() {
        return new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return text.apply((AnnotatedPassage) element);
            }
        };
    }
}
