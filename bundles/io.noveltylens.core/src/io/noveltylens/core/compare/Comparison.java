package io.noveltylens.core.compare;

import java.util.ArrayList;
import java.util.List;

import io.noveltylens.core.Progress;
import io.noveltylens.core.stats.Bootstrap;
import io.noveltylens.core.stats.GroupDifference;

/**
 * The statistics of a comparison: each group's distributions and in-hull shares, and for every pair of groups
 * (in the order given: the second against the first, the third against the first and the second, ...) and every
 * readout both have values of, the difference of medians and the AUROC with bootstrap intervals and the
 * Mann-Whitney test. With more than two groups the p-values are not corrected for the number of pairs.
 */
public record Comparison(List<GroupSummary> groups, List<PairComparison> pairs, Bootstrap bootstrap) {

    public Comparison {
        groups = List.copyOf(groups);
        pairs = List.copyOf(pairs);
    }

    /** @throws io.noveltylens.core.CancelledException when {@code progress} is cancelled */
    public static Comparison of(List<GroupScores> scored, Bootstrap bootstrap, Progress progress) {
        List<GroupSummary> groups = scored.stream().map(GroupSummary::of).toList();
        List<PairComparison> pairs = new ArrayList<>();
        for (int j = 1; j < scored.size(); j++) {
            for (int i = 0; i < j; i++) {
                for (Readout readout : Readout.values()) {
                    double[] first = scored.get(i).values(readout);
                    double[] second = scored.get(j).values(readout);
                    if (first.length > 0 && second.length > 0) {
                        pairs.add(new PairComparison(scored.get(i).name(), scored.get(j).name(), readout,
                                GroupDifference.of(first, second, bootstrap, progress)));
                    }
                }
            }
        }
        return new Comparison(groups, pairs, bootstrap);
    }
}
