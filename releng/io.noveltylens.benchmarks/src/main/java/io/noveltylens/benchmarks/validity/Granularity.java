package io.noveltylens.benchmarks.validity;

import java.util.Locale;

/** How much text a unit is: one sentence, one paragraph (one corpus line), or three consecutive paragraphs. */
enum Granularity {
    SENTENCE, PARAGRAPH, JOINED;

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Granularity of(String label) {
        return valueOf(label.toUpperCase(Locale.ROOT));
    }
}
