package io.noveltylens.core.export;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.noveltylens.core.analysis.HullReport;
import io.noveltylens.core.analysis.NoveltyReport;
import io.noveltylens.core.corpus.Provenance;
import io.noveltylens.core.index.Neighbour;
import io.noveltylens.core.verbatim.VerbatimOverlap;

/**
 * A {@link NoveltyReport} as one CSV record (RFC 4180), for spreadsheets and data frames. Column names are the
 * {@link ReportJson} field paths joined with dots ({@code density.percentile}, {@code source.line}), the names that
 * flattening the JSON Lines export gives (pandas {@code json_normalize}), so both exports load into the same columns.
 * The nearest neighbour is {@code neighbours.1.*} (its rank), with its first source; hull columns are empty when the
 * report has no hull readouts. Numbers are written as Java doubles ({@code NaN} included), locale-independent.
 */
public final class ReportCsv {

    /** RFC 4180 ends every record, the header included, with CRLF; line breaks inside quoted fields stay as they are. */
    public static final String RECORD_END = "\r\n";

    private record Column(String name, Function<Row, Object> value) {
    }

    private record Row(NoveltyReport report, Provenance source) {
        Neighbour nearest() {
            return report.neighbours().isEmpty() ? null : report.neighbours().get(0);
        }

        Provenance nearestSource() {
            Neighbour nearest = nearest();
            return nearest == null || nearest.sources().isEmpty() ? null : nearest.sources().get(0);
        }
    }

    private static final List<Column> COLUMNS = columns();

    private ReportCsv() {
    }

    private static List<Column> columns() {
        List<Column> columns = new ArrayList<>();
        columns.add(new Column("text", row -> row.report().text()));
        columns.add(new Column("source.source", row -> row.source() == null ? null : row.source().source()));
        columns.add(new Column("source.start", row -> row.source() == null ? null : row.source().startOffset()));
        columns.add(new Column("source.end", row -> row.source() == null ? null : row.source().endOffset()));
        columns.add(new Column("source.line", row -> row.source() == null ? null : row.source().line()));
        columns.add(new Column("model", row -> row.report().modelId()));
        columns.add(new Column("verdict", row -> row.report().verdict().name()));
        columns.add(new Column("matchLevel", row -> row.report().matchLevel().name()));
        columns.add(new Column("density.k", row -> row.report().density().k()));
        columns.add(new Column("density.percentile", row -> row.report().density().percentile()));
        columns.add(new Column("density.meanDistance", row -> row.report().density().meanDistance()));
        columns.add(new Column("density.lof", row -> row.report().density().lof()));
        columns.add(new Column("density.loop", row -> row.report().density().loop()));
        columns.add(new Column("verbatim.words", row -> row.report().verbatim().wordCount()));
        for (int minWords = VerbatimOverlap.SHORTEST; minWords <= VerbatimOverlap.LONGEST; minWords++) {
            int l = minWords;
            columns.add(new Column("verbatim.coverage." + l, row -> row.report().verbatim().coverage(l)));
        }
        columns.add(new Column("neighbours.1.cosine", row -> row.nearest() == null ? null : row.nearest().cosine()));
        columns.add(new Column("neighbours.1.source",
                row -> row.nearestSource() == null ? null : row.nearestSource().source()));
        columns.add(new Column("neighbours.1.line",
                row -> row.nearestSource() == null ? null : row.nearestSource().line()));
        columns.add(hull("hull.percentile", hull -> hull.percentiles() == null ? null : hull.percentiles().distance()));
        columns.add(hull("hull.verdict", hull -> hull.distance().verdict().name()));
        columns.add(hull("hull.distanceLowerBound", hull -> hull.distance().lowerBound()));
        columns.add(hull("hull.distanceUpperBound", hull -> hull.distance().upperBound()));
        columns.add(hull("hull.relativeLowerBound", HullReport::relativeLowerBound));
        columns.add(hull("hull.relativeUpperBound", HullReport::relativeUpperBound));
        columns.add(hull("hull.converged", hull -> hull.distance().converged()));
        columns.add(hull("hull.certified", HullReport::certified));
        columns.add(hull("hull.depth.depth", hull -> hull.depth().depth()));
        columns.add(hull("hull.depth.percentile",
                hull -> hull.percentiles() == null ? null : hull.percentiles().depth()));
        columns.add(hull("hull.depth.complete", hull -> hull.depth().complete()));
        columns.add(hull("hull.depth.components", HullReport::components));
        return List.copyOf(columns);
    }

    private static Column hull(String name, Function<HullReport, Object> value) {
        return new Column(name, row -> row.report().hull() == null ? null : value.apply(row.report().hull()));
    }

    /** The header record, without {@link #RECORD_END}. */
    public static String header() {
        return COLUMNS.stream().map(Column::name).collect(Collectors.joining(","));
    }

    /** One record, without {@link #RECORD_END}; {@code passageSource} may be null (an analysed selection). */
    public static String row(NoveltyReport report, Provenance passageSource) {
        Row row = new Row(report, passageSource);
        return COLUMNS.stream().map(column -> field(column.value().apply(row))).collect(Collectors.joining(","));
    }

    /** RFC 4180: a field with a comma, a quote or a line break is quoted, its quotes doubled; null is empty. */
    static String field(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}
