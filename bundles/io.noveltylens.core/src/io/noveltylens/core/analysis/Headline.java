package io.noveltylens.core.analysis;

/** The one sentence that opens a report: the verdict, led by the quotation when the passage has one. */
final class Headline {

    private Headline() {
    }

    static String of(Verdict verdict, Quotation quotation) {
        if (quotation == null) {
            return "This passage " + verdict.phrase() + ".";
        }
        String quoted = quotation.words() + " words verbatim from " + quotation.source();
        if (verdict == Verdict.QUOTED || verdict == Verdict.NEAR_DUPLICATE) {
            return "This passage " + verdict.phrase() + ": " + quoted + ".";
        }
        return "This passage quotes " + quoted + "; as a whole it " + verdict.phrase() + ".";
    }
}
