package io.noveltylens.ui.annotate;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.noveltylens.core.analysis.NoveltyReport;
import io.noveltylens.core.export.ReportJson;
import io.noveltylens.core.index.Neighbour;

/**
 * Writes annotation results for analysis elsewhere. JSON Lines is core's report format (the CLI writes the same
 * lines); CSV flattens the headline readouts into one row per passage for spreadsheets.
 */
public final class ResultsExport {

    private static final List<String> CSV_HEADER = List.of("source", "start", "end", "line", "percentile", "verdict", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$
            "mean_knn_distance", "k", "lof", "loop", "verbatim_5", "verbatim_8", "verbatim_12", "nearest_similarity", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$ //$NON-NLS-7$ //$NON-NLS-8$
            "nearest_source", "passage"); //$NON-NLS-1$ //$NON-NLS-2$

    private ResultsExport() {
    }

    public static void writeJsonLines(List<PassageResult> results, Path file) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (PassageResult result : results) {
                out.write(ReportJson.line(result.report(), result.passage()));
                out.write('\n');
            }
        }
    }

    public static void writeCsv(List<PassageResult> results, Path file) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(String.join(",", CSV_HEADER)); //$NON-NLS-1$
            out.write("\r\n"); // RFC 4180 //$NON-NLS-1$
            for (PassageResult result : results) {
                out.write(row(result).map(ResultsExport::quoted).collect(Collectors.joining(","))); //$NON-NLS-1$
                out.write("\r\n"); //$NON-NLS-1$
            }
        }
    }

    private static Stream<String> row(PassageResult result) {
        NoveltyReport report = result.report();
        Neighbour nearest = report.neighbours().isEmpty() ? null : report.neighbours().get(0);
        String nearestSource = nearest == null || nearest.sources().isEmpty() ? "" : nearest.sources().get(0).source(); //$NON-NLS-1$
        return Stream.of(result.passage().source(), Integer.toString(result.passage().startOffset()),
                Integer.toString(result.passage().endOffset()), Integer.toString(result.passage().line()),
                number(report.density().percentile()), report.verdict().name(), number(report.density().meanDistance()),
                Integer.toString(report.density().k()), number(report.density().lof()), number(report.density().loop()),
                number(report.verbatim().coverage(5)), number(report.verbatim().coverage(8)),
                number(report.verbatim().coverage(12)), nearest == null ? "" : number(nearest.cosine()), nearestSource, //$NON-NLS-1$
                report.text());
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.4f", value); //$NON-NLS-1$
    }

    private static String quoted(String field) {
        if (field.contains(",") || field.contains("\"") || field.contains("\n") || field.contains("\r")) { //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
            return '"' + field.replace("\"", "\"\"") + '"'; //$NON-NLS-1$ //$NON-NLS-2$
        }
        return field;
    }
}
