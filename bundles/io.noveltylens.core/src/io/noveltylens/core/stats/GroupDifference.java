package io.noveltylens.core.stats;

import io.noveltylens.core.Progress;

/**
 * How a second sample differs from a first: the difference of their medians and the AUROC, each with a bootstrap
 * interval, and the Mann-Whitney test. All are "second minus first" or "second above first", so a positive difference
 * and an AUROC above 0.5 say the same thing.
 */
public record GroupDifference(double medianDifference, Interval medianDifferenceInterval, RankSum rankSum,
        Interval aurocInterval) {

    public static GroupDifference of(double[] first, double[] second, Bootstrap bootstrap, Progress progress) {
        Interval medians = bootstrap.interval(first, second, GroupDifference::medianDifference, progress);
        Interval auroc = bootstrap.interval(first, second, RankSum::auroc, progress);
        return new GroupDifference(medianDifference(first, second), medians, RankSum.of(first, second), auroc);
    }

    private static double medianDifference(double[] first, double[] second) {
        return Quartiles.median(second) - Quartiles.median(first);
    }

    public double auroc() {
        return rankSum.auroc();
    }
}
