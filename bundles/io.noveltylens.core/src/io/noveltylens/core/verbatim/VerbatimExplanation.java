package io.noveltylens.core.verbatim;

import java.text.MessageFormat;
import java.util.Locale;

/**
 * The one place that words the verbatim readout for people. English only for now; {@link MessageFormat} patterns,
 * so that a translation replaces strings, not code.
 */
final class VerbatimExplanation {

    private static final String TOO_SHORT = "Too short to compare: verbatim overlap counts runs of at least {0} words";

    private static final String NONE = "No run of {0} or more words occurs verbatim in the corpus";

    /** {0}: percentage of words covered; {1}: L; {2}: words in the longest span. */
    private static final String SOME = "{0,number,integer} % of the words sit in {1}-word sequences found verbatim in the corpus; the longest is {2} words";

    private VerbatimExplanation() {
    }

    static String of(VerbatimReadout readout) {
        int length = VerbatimOverlap.SHORTEST;
        if (readout.wordCount() < length) {
            return format(TOO_SHORT, length);
        }
        return readout.longest().map(longest -> format(SOME, percent(readout.coverage(length)), length,
                longest.wordCount())).orElseGet(() -> format(NONE, length));
    }

    /** Rounded, but never to 0 % when something matched. */
    private static long percent(double share) {
        return Math.max(1, Math.round(100 * share));
    }

    private static String format(String pattern, Object... arguments) {
        return new MessageFormat(pattern, Locale.ENGLISH).format(arguments);
    }
}
