package io.noveltylens.ui.heatmap;

/**
 * The three colours of the heatmap, by density percentile against the user's thresholds; a sentence that repeats a
 * corpus passage is an echo whatever its percentile.
 */
enum HeatmapBand {
    ECHO("io.noveltylens.ui.heatmap.echo"), //$NON-NLS-1$
    TYPICAL("io.noveltylens.ui.heatmap.typical"), //$NON-NLS-1$
    NOVEL("io.noveltylens.ui.heatmap.novel"); //$NON-NLS-1$

    /** The annotation type declared in plugin.xml, which carries the colours and ruler settings. */
    final String annotationType;

    HeatmapBand(String annotationType) {
        this.annotationType = annotationType;
    }

    static HeatmapBand of(double percentile, int echoBelow, int novelAbove) {
        if (percentile < echoBelow) {
            return ECHO;
        }
        return percentile > novelAbove ? NOVEL : TYPICAL;
    }
}
