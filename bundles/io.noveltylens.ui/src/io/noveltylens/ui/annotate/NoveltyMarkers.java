package io.noveltylens.ui.annotate;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.osgi.util.NLS;

import io.noveltylens.core.annotate.ResultRow;
import io.noveltylens.ui.Messages;
import io.noveltylens.ui.format.ReadoutFormat;

/**
 * The Novelty Lens marker type: one info marker per annotated passage, with the readouts as attributes (the verbatim
 * coverage of {@link ResultRow#VERBATIM_RUN}-word runs).
 */
public final class NoveltyMarkers {

    public static final String TYPE = "io.noveltylens.ui.noveltyMarker"; //$NON-NLS-1$
    public static final String PERCENTILE = "io.noveltylens.percentile"; //$NON-NLS-1$
    public static final String LOF = "io.noveltylens.lof"; //$NON-NLS-1$
    public static final String LOOP = "io.noveltylens.loop"; //$NON-NLS-1$
    public static final String VERBATIM = "io.noveltylens.verbatim"; //$NON-NLS-1$
    public static final String NEAREST_SIMILARITY = "io.noveltylens.nearestSimilarity"; //$NON-NLS-1$
    public static final String NEAREST_SOURCE = "io.noveltylens.nearestSource"; //$NON-NLS-1$

    private NoveltyMarkers() {
    }

    static void create(IResource file, ResultRow row) throws CoreException {
        Map<String, Object> attributes = new HashMap<>();
        attributes.put(IMarker.SEVERITY, IMarker.SEVERITY_INFO);
        attributes.put(IMarker.MESSAGE, NLS.bind(Messages.NoveltyMarkers_message,
                ReadoutFormat.percentile(row.percentile()), row.verdict().phrase()));
        attributes.put(IMarker.CHAR_START, row.place().startOffset());
        attributes.put(IMarker.CHAR_END, row.place().endOffset());
        attributes.put(IMarker.LINE_NUMBER, row.place().line());
        // marker attributes hold strings, integers and booleans only: readouts are stored as decimal strings
        attributes.put(PERCENTILE, number(row.percentile()));
        attributes.put(LOF, number(row.lof()));
        attributes.put(LOOP, number(row.loop()));
        attributes.put(VERBATIM, number(row.verbatim()));
        if (!Double.isNaN(row.nearestCosine())) {
            attributes.put(NEAREST_SIMILARITY, number(row.nearestCosine()));
        }
        if (row.nearestSource() != null) {
            attributes.put(NEAREST_SOURCE, row.nearestSource());
        }
        file.createMarker(TYPE, attributes);
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.4f", value); //$NON-NLS-1$
    }
}
