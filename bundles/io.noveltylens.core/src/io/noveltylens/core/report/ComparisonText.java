package io.noveltylens.core.report;

import java.util.List;
import java.util.Locale;

import io.noveltylens.core.compare.Comparison;
import io.noveltylens.core.compare.GroupSummary;
import io.noveltylens.core.compare.PairComparison;
import io.noveltylens.core.compare.Readout;
import io.noveltylens.core.stats.GroupDifference;
import io.noveltylens.core.stats.Quartiles;

/**
 * A comparison's statistics as plain-text tables, for a terminal and the IDE's comparison view; the report has the
 * same numbers with the plots and how each is computed.
 */
public final class ComparisonText {

    private ComparisonText() {
    }

    public static String of(Comparison comparison) {
        StringBuilder text = new StringBuilder();
        text.append("Readouts per group (percentiles against corpus text of the same length; higher = more novel)\n");
        text.append(String.format(Locale.ROOT, "  %-24s %-22s %6s %7s %15s%n", "group", "readout", "n", "median",
                "quartiles"));
        for (GroupSummary group : comparison.groups()) {
            for (Readout readout : Readout.values()) {
                Quartiles q = group.distributions().get(readout);
                if (q != null) {
                    text.append(String.format(Locale.ROOT, "  %-24s %-22s %6d %7.1f %7.1f-%-7.1f%n", group.name(),
                            readout.field(), q.n(), q.median(), q.lowerQuartile(), q.upperQuartile()));
                }
            }
        }
        int level = (int) Math.round(100 * comparison.bootstrap().level());
        text.append(String.format(Locale.ROOT, "%nDifferences (second vs first; %d %% bootstrap intervals, %d "
                + "replicates, seed %d)%n", level, comparison.bootstrap().replicates(), comparison.bootstrap().seed()));
        for (PairComparison pair : comparison.pairs()) {
            GroupDifference d = pair.difference();
            text.append(String.format(Locale.ROOT,
                    "  %s vs %s, %s: median %+.1f [%+.1f, %+.1f], AUROC %.3f [%.3f, %.3f], U = %.1f, p = %.3g (%s)%n",
                    pair.second(), pair.first(), pair.readout().field(), d.medianDifference(),
                    d.medianDifferenceInterval().lower(), d.medianDifferenceInterval().upper(), d.auroc(),
                    d.aurocInterval().lower(), d.aurocInterval().upper(), d.rankSum().u(), d.rankSum().pValue(),
                    d.rankSum().exact() ? "exact" : "normal approximation"));
        }
        text.append("\nShare inside the corpus's convex hull by number of principal components\n");
        for (GroupSummary group : comparison.groups()) {
            List<String> shares = group.inHull().stream().map(s -> String.format(Locale.ROOT, "d=%d %.0f%%%s",
                    s.dimension(), 100 * s.share(), s.undetermined() > 0 ? " (" + s.undetermined() + " undet.)" : ""))
                    .toList();
            text.append(String.format(Locale.ROOT, "  %-24s %s%n", group.name(), String.join(", ", shares)));
        }
        return text.toString();
    }
}
