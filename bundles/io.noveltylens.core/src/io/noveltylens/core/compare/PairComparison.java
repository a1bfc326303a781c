package io.noveltylens.core.compare;

import io.noveltylens.core.stats.GroupDifference;

/** How group {@code second} differs from group {@code first} on one readout ("second minus first"). */
public record PairComparison(String first, String second, Readout readout, GroupDifference difference) {
}
