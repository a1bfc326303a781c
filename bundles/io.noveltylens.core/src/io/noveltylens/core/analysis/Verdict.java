package io.noveltylens.core.analysis;

/**
 * The headline: where the passage sits between "echoes the corpus" and "far from anything in the corpus". Driven by
 * the density percentile (docs/design.md section 3: the single number writers see), overridden when the passage is a
 * near-duplicate of a corpus passage or largely quoted verbatim, because then the percentile understates it.
 */
public enum Verdict {
    NEAR_DUPLICATE("repeats a corpus passage almost word for word"),
    QUOTED("is largely quoted verbatim from the corpus"),
    ECHOES("echoes the corpus"),
    FAMILIAR("sits in familiar territory"),
    UNCOMMON("is less common in the corpus"),
    UNUSUAL("is unusual for the corpus"),
    FAR("is far from anything in the corpus");

    /** Cosine above which two MiniLM sentence embeddings are near-paraphrases of each other. */
    static final double NEAR_DUPLICATE_COSINE = 0.95;
    /** Share of words in verbatim runs of 8+ words above which the passage is mostly a quotation. */
    static final double QUOTED_COVERAGE = 0.5;

    private final String phrase;

    Verdict(String phrase) {
        this.phrase = phrase;
    }

    /** Completes "This passage ...". */
    public String phrase() {
        return phrase;
    }

    static Verdict of(NoveltyReport report) {
        if (!report.neighbours().isEmpty() && report.neighbours().get(0).cosine() >= NEAR_DUPLICATE_COSINE) {
            return NEAR_DUPLICATE;
        }
        if (report.verbatim().wordCount() >= 8 && report.verbatim().coverage(8) >= QUOTED_COVERAGE) {
            return QUOTED;
        }
        double percentile = report.density().percentile();
        if (percentile < 25) {
            return ECHOES;
        }
        if (percentile < 60) {
            return FAMILIAR;
        }
        if (percentile < 85) {
            return UNCOMMON;
        }
        return percentile < 97 ? UNUSUAL : FAR;
    }
}
