package io.noveltylens.benchmarks.validity;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.google.gson.JsonElement;

import io.noveltylens.core.analysis.MatchLevel;

/**
 * The confusion table of the match levels: for each graded set and granularity, how many of its units got each level
 * (the report's {@code matchLevel}). A copy should be identical, a paraphrase near-verbatim or a paraphrase, unseen
 * text related or novel, other authors and genres novel.
 */
final class MatchLevelTable {

    private MatchLevelTable() {
    }

    /** The table, or a line saying the JSON has no match level (an engine before it). */
    static String markdown(List<Scored> scored) {
        if (scored.stream().noneMatch(unit -> unit.report().has("matchLevel"))) {
            return "\nNo `matchLevel` in this JSON: no match-level table.\n";
        }
        StringBuilder out = new StringBuilder("\nMatch levels assigned per set (units of each level; the rule and its"
                + " thresholds: docs/readouts.md, Match levels):\n\n| set | granularity |");
        StringBuilder rule = new StringBuilder("|---|---|");
        for (MatchLevel level : MatchLevel.values()) {
            out.append(' ').append(level.name()).append(" |");
            rule.append("---:|");
        }
        out.append('\n').append(rule).append('\n');
        for (Granularity granularity : List.of(Granularity.SENTENCE, Granularity.PARAGRAPH)) {
            for (ValiditySet set : ValiditySet.values()) {
                if (set.graded()) {
                    row(out, scored, set, granularity);
                }
            }
        }
        return out.toString();
    }

    private static void row(StringBuilder out, List<Scored> scored, ValiditySet set, Granularity granularity) {
        Map<MatchLevel, Integer> counts = new EnumMap<>(MatchLevel.class);
        int units = 0;
        for (Scored unit : scored) {
            JsonElement level = unit.report().get("matchLevel");
            if (unit.unit().set() == set && unit.unit().granularity() == granularity && level != null) {
                counts.merge(MatchLevel.valueOf(level.getAsString()), 1, Integer::sum);
                units++;
            }
        }
        if (units == 0) {
            return;
        }
        out.append("| ").append(set.label()).append(" | ").append(granularity.label()).append(" |");
        for (MatchLevel level : MatchLevel.values()) {
            out.append(String.format(Locale.ROOT, " %d |", counts.getOrDefault(level, 0)));
        }
        out.append('\n');
    }
}
