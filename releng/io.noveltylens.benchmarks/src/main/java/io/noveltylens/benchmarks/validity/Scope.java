package io.noveltylens.benchmarks.validity;

import java.util.List;

/** The granularities a ranking or separation figure is computed over. */
enum Scope {
    SENTENCE(List.of(Granularity.SENTENCE)), PARAGRAPH(List.of(Granularity.PARAGRAPH)),
    POOLED(List.of(Granularity.SENTENCE, Granularity.PARAGRAPH));

    private final List<Granularity> granularities;

    Scope(List<Granularity> granularities) {
        this.granularities = granularities;
    }

    List<Granularity> granularities() {
        return granularities;
    }
}
