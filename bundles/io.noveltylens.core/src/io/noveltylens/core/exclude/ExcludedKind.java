package io.noveltylens.core.exclude;

/** What an excluded range of a text is, and the {@link Exclusion} setting that leaves it out. */
public enum ExcludedKind {
    FRONT_MATTER(Exclusion.FRONT_MATTER),
    CODE_BLOCK(Exclusion.CODE),
    CODE_SPAN(Exclusion.CODE),
    MARKUP(Exclusion.MARKUP),
    BLOCK_QUOTE(Exclusion.QUOTATIONS),
    QUOTATION(Exclusion.QUOTATIONS),
    CITATION(Exclusion.CITATIONS),
    REFERENCE_LIST(Exclusion.CITATIONS);

    private final Exclusion setting;

    ExcludedKind(Exclusion setting) {
        this.setting = setting;
    }

    public Exclusion setting() {
        return setting;
    }
}
