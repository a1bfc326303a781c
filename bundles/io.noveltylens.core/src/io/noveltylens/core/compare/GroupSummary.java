package io.noveltylens.core.compare;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.noveltylens.core.stats.Quartiles;

/**
 * One group's distributions: the quartiles of each readout it has values of, and its in-hull share at each number of
 * principal components.
 */
public record GroupSummary(String name, int passages, Map<Readout, Quartiles> distributions, List<HullShare> inHull) {

    public GroupSummary {
        distributions = Map.copyOf(distributions);
        inHull = List.copyOf(inHull);
    }

    public static GroupSummary of(GroupScores group) {
        Map<Readout, Quartiles> distributions = new EnumMap<>(Readout.class);
        for (Readout readout : Readout.values()) {
            double[] values = group.values(readout);
            if (values.length > 0) {
                distributions.put(readout, Quartiles.of(values));
            }
        }
        return new GroupSummary(group.name(), group.passages().size(), distributions, inHull(group));
    }

    private static List<HullShare> inHull(GroupScores group) {
        Map<Integer, int[]> counts = new TreeMap<>(); // dimension -> inside, outside, undetermined
        for (PassageScore passage : group.passages()) {
            for (CurvePoint point : passage.curve()) {
                int[] count = counts.computeIfAbsent(point.dimension(), d -> new int[3]);
                count[switch (point.verdict()) {
                    case INSIDE -> 0;
                    case OUTSIDE -> 1;
                    case UNDETERMINED -> 2;
                }]++;
            }
        }
        List<HullShare> shares = new ArrayList<>(counts.size());
        counts.forEach((d, c) -> shares.add(new HullShare(d, c[0], c[1], c[2])));
        return shares;
    }
}
