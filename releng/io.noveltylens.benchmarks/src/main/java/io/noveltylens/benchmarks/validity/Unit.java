package io.noveltylens.benchmarks.validity;

/**
 * One text to score, with where it came from ({@code origin}: source name and 0-based line, for checking a unit by
 * hand). Its text is a single line, since {@code novelty score -} reads one passage per line.
 */
record Unit(ValiditySet set, Granularity granularity, String origin, String text) {

    Unit {
        if (text.contains("\t") || text.contains("\n") || text.contains("\r")) {
            throw new IllegalArgumentException("a unit is one line without tabs: " + origin);
        }
    }

    /** A tab-separated line of units.tsv. */
    String tsv() {
        return set.label() + "\t" + granularity.label() + "\t" + origin + "\t" + text;
    }

    static Unit ofTsv(String line) {
        String[] fields = line.split("\t", 4);
        return new Unit(ValiditySet.of(fields[0]), Granularity.of(fields[1]), fields[2], fields[3]);
    }
}
