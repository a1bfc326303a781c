package io.noveltylens.benchmarks.validity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/** The Markdown tables of a validity run. */
final class ValidityReport {

    private ValidityReport() {
    }

    static String markdown(List<String> about, List<Scored> scored, List<Readout> readouts) {
        List<ReadoutFigures> figures = readouts.stream().map(readout -> new ReadoutFigures(readout, scored))
                .filter(ReadoutFigures::present).toList();
        List<String> absent = readouts.stream().map(Readout::name)
                .filter(name -> figures.stream().noneMatch(f -> f.readout.name().equals(name))).toList();
        StringBuilder md = new StringBuilder();
        about.forEach(line -> md.append("- ").append(line).append('\n'));
        md.append("- Units: ").append(counts(scored)).append('\n');
        // a readout cut short by the hull budget is less accurate: say how often that happened
        md.append("- Hull within the budget: distance converged for ").append(trueCount(scored, "hull", "converged"))
                .append(", depth complete for ").append(trueCount(scored, "hull", "depth", "complete"))
                .append(" of ").append(scored.size()).append(" units\n");
        if (!absent.isEmpty()) {
            md.append("- Not in this JSON, left out: ").append(String.join(", ", absent)).append('\n');
        }
        md.append("\nRanking and separation (higher = more novel; rho = Spearman with the grade copy 0, paraphrase 1, "
                + "unseen 2, other-author 3, other-genre 4; AUROC a<b = P(a unit of b reads above one of a); length at "
                + "paragraph granularity):\n\n");
        md.append("| readout | rho sent | rho para | rho pooled | unseen<genre sent | para | pooled "
                + "| paraphrase<unseen sent | para | pooled | length bias | length AUROC | targets |\n");
        md.append("|---|" + "---:|".repeat(11) + "---|\n");
        for (ReadoutFigures f : figures) {
            List<String> cells = new ArrayList<>();
            cells.add("`" + f.readout.name() + "`");
            cells.addAll(byScope(f.gradeCorrelation));
            cells.addAll(byScope(f.genreSeparation));
            cells.addAll(byScope(f.paraphraseSeparation));
            cells.add(ValidityTargets.format(f.lengthBias));
            cells.add(ValidityTargets.format(f.lengthSeparation));
            cells.add(ValidityTargets.ranking(f));
            md.append(row(cells));
        }
        md.append("\nCalibration over unseen text (median; largest deviation of the empirical CDF from uniform, "
                + "percentile points):\n\n");
        md.append("| readout | median sent | median para | median joined | KS sent | KS para | KS joined "
                + "| targets |\n");
        md.append("|---|" + "---:|".repeat(6) + "---|\n");
        for (ReadoutFigures f : figures) {
            if (f.readout.kind() != Readout.Kind.PERCENTILE) {
                continue;
            }
            List<String> cells = new ArrayList<>();
            cells.add("`" + f.readout.name() + "`");
            f.unseenMedian.values().forEach(median -> cells.add(oneDecimal(median)));
            f.unseenDeviation.values().forEach(deviation -> cells.add(oneDecimal(deviation)));
            cells.add(ValidityTargets.calibration(f));
            md.append(row(cells));
        }
        md.append("\nMedian per set (graded sets at paragraph granularity, joined sets three paragraphs):\n\n");
        md.append("| readout | " + Arrays.stream(ValiditySet.values()).map(ValiditySet::label)
                .collect(Collectors.joining(" | ")) + " |\n");
        md.append("|---|" + "---:|".repeat(ValiditySet.values().length) + "\n");
        for (ReadoutFigures f : figures) {
            List<String> cells = new ArrayList<>();
            cells.add("`" + f.readout.name() + "`");
            f.setMedian.values().forEach(median -> cells.add(threeDigits(median)));
            md.append(row(cells));
        }
        md.append("\nTargets: ").append(String.join("; ", ValidityTargets.DESCRIPTIONS)).append(".\n");
        return md.toString();
    }

    private static String counts(List<Scored> scored) {
        Map<String, Long> counts = new TreeMap<>(scored.stream().collect(Collectors.groupingBy(
                s -> s.unit().set().label() + " " + s.unit().granularity().label(), Collectors.counting())));
        return scored.size() + " (" + counts.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", ")) + ")";
    }

    private static long trueCount(List<Scored> scored, String... path) {
        return scored.stream().filter(s -> {
            JsonElement element = s.report();
            for (String step : path) {
                element = element instanceof JsonObject object ? object.get(step) : null;
            }
            return element != null && element.isJsonPrimitive() && element.getAsJsonPrimitive().isBoolean()
                    && element.getAsBoolean();
        }).count();
    }

    private static List<String> byScope(Map<Scope, Double> values) {
        return values.values().stream().map(ValidityTargets::format).toList();
    }

    private static String row(List<String> cells) {
        return "| " + String.join(" | ", cells) + " |\n";
    }

    private static String oneDecimal(double value) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.1f", value);
    }

    /** Three significant digits: the readouts range from LoOP's [0, 1] to percentiles. */
    private static String threeDigits(double value) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.3g", value);
    }
}
