package io.noveltylens.ui.annotate;

import java.util.Comparator;
import java.util.function.Function;

import org.eclipse.jface.viewers.ColumnLabelProvider;

import io.noveltylens.core.annotate.ResultRow;
import io.noveltylens.ui.Messages;
import io.noveltylens.ui.format.ReadoutFormat;

/** The columns of the results table: title, width, text, and the order a click on the header sorts by. */
enum ResultColumns {
    PERCENTILE(Messages.ResultColumns_percentile, 80, r -> ReadoutFormat.percentile(r.percentile()),
            Comparator.comparingDouble(ResultRow::percentile)),
    VERDICT(Messages.ResultColumns_verdict, 200, r -> r.verdict().phrase(), Comparator.comparing(ResultRow::verdict)),
    NEAREST(Messages.ResultColumns_nearest, 80,
            r -> Double.isNaN(r.nearestCosine()) ? "" : ReadoutFormat.similarity(r.nearestCosine()), //$NON-NLS-1$
            Comparator.comparingDouble(r -> Double.isNaN(r.nearestCosine()) ? 0 : r.nearestCosine())),
    PASSAGE(Messages.ResultColumns_passage, 360, r -> ReadoutFormat.snippet(r.text(), 160),
            Comparator.comparing(ResultRow::text)),
    SOURCE(Messages.ResultColumns_source, 200, r -> ReadoutFormat.source(r.place()),
            Comparator.comparing((ResultRow r) -> r.place().source()).thenComparingInt(r -> r.place().startOffset()));

    final String title;
    final int width;
    final Function<ResultRow, String> text;
    final Comparator<ResultRow> order;

    ResultColumns(String title, int width, Function<ResultRow, String> text, Comparator<ResultRow> order) {
        this.title = title;
        this.width = width;
        this.text = text;
        this.order = order;
    }

    ColumnLabelProvider labels() {
        return new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return text.apply((ResultRow) element);
            }
        };
    }
}
