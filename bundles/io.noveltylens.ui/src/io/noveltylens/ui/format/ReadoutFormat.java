package io.noveltylens.ui.format;

import java.nio.file.Path;

import org.eclipse.osgi.util.NLS;

import io.noveltylens.core.corpus.Provenance;
import io.noveltylens.ui.Messages;

/** How numbers and sources read on screen; the same figures in the view, the heatmap hover and the results table. */
public final class ReadoutFormat {

    private ReadoutFormat() {
    }

    public static String percentile(double percentile) {
        return String.format("%.0f", percentile); //$NON-NLS-1$
    }

    public static String similarity(double cosine) {
        return String.format("%.3f", cosine); //$NON-NLS-1$
    }

    public static String decimal(double value) {
        return String.format("%.2f", value); //$NON-NLS-1$
    }

    /** A count with the locale's thousands separators, e.g. {@code 41,200}. */
    public static String count(long count) {
        return String.format("%,d", count); //$NON-NLS-1$
    }

    public static String share(double share) {
        return String.format("%.0f %%", 100 * share); //$NON-NLS-1$
    }

    /** File name and line, e.g. {@code pride-and-prejudice.txt:120}. */
    public static String source(Provenance provenance) {
        Path path = Path.of(provenance.source());
        String name = path.getFileName() == null ? provenance.source() : path.getFileName().toString();
        return NLS.bind(Messages.ReadoutFormat_sourceLine, name, provenance.line());
    }

    /** The first line of a passage, cut to {@code max} characters, for a table cell. */
    public static String snippet(String text, int max) {
        String oneLine = text.replaceAll("\\s+", " ").strip(); //$NON-NLS-1$ //$NON-NLS-2$
        return oneLine.length() <= max ? oneLine : oneLine.substring(0, max - 1) + '\u2026';
    }
}
