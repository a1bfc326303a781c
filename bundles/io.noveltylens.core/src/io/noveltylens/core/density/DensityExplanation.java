package io.noveltylens.core.density;

import java.text.MessageFormat;
import java.util.Locale;

/**
 * The one place that words the density readouts for people. English only for now; the patterns are
 * {@link MessageFormat} patterns so that a translation replaces strings, not code.
 */
final class DensityExplanation {

    /**
     * {0}: percentile; {1}: floor(percentile); {2}: floor(100 - percentile); {3}: what it is against. Floors never
     * overstate.
     */
    private static final String PERCENTILE = "{0,choice,0#In a denser region than {2,number,integer} %|50#More isolated than {1,number,integer} %} of {3}";

    /** LOF near 1 means "like its neighbours" (Breunig et al. 2000, Lemma 1); the band 0.9-1.1 is read as such. */
    private static final String LOF = "LOF {0,number,0.0}: {0,choice,0#denser than|0.9#about as dense as|1.1<sparser than} its neighbours'' neighbourhoods";

    private static final String LOOP = "LoOP {0,number,0.00}: {0,choice,0#unlikely to be|0.25#possibly|0.5#likely|0.8#very likely} a local outlier";

    private DensityExplanation() {
    }

    static String percentile(double percentile, String comparedWith) {
        return format(PERCENTILE, percentile, Math.floor(percentile), Math.floor(100 - percentile), comparedWith);
    }

    static String lof(double lof) {
        return format(LOF, lof);
    }

    static String loop(double loop) {
        return format(LOOP, loop);
    }

    private static String format(String pattern, Object... arguments) {
        return new MessageFormat(pattern, Locale.ENGLISH).format(arguments);
    }
}
