package io.noveltylens.core.analysis;

/** The one sentence that opens a report: the verdict, led by the quotation when the passage has one. */
final class Headline {

    private Headline() {
    }

    static String of(Verdict verdict, Quotation quotation) {
        if (quotation == null) {
            return "This passage " + verdict.phrase() + "."; //$NON-NLS-1$ //$NON-NLS-2$
        }
        String quoted = quotation.words() + " words verbatim from " + quotation.source(); //$NON-NLS-1$
        if (verdict == Verdict.QUOTED || verdict == Verdict.NEAR_DUPLICATE) {
            return "This passage " + verdict.phrase() + ": " + quoted + "."; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
        }
        return "This passage quotes " + quoted + "; as a whole it " + verdict.phrase() + "."; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
    }
}
