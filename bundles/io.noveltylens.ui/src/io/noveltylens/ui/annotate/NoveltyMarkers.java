package io.noveltylens.ui.annotate;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.osgi.util.NLS;

import io.noveltylens.core.analysis.NoveltyReport;
import io.noveltylens.core.annotate.AnnotatedPassage;
import io.noveltylens.core.index.Neighbour;
import io.noveltylens.ui.Messages;
import io.noveltylens.ui.format.ReadoutFormat;

/** The Novelty Lens marker type: one info marker per annotated passage, with the readouts as attributes. */
public final class NoveltyMarkers {

    public static final String TYPE = "io.noveltylens.ui.noveltyMarker"; //$NON-NLS-1$
    public static final String PERCENTILE = "io.noveltylens.percentile"; //$NON-NLS-1$
    public static final String LOF = "io.noveltylens.lof"; //$NON-NLS-1$
    public static final String LOOP = "io.noveltylens.loop"; //$NON-NLS-1$
    public static final String VERBATIM = "io.noveltylens.verbatim"; //$NON-NLS-1$
    public static final String NEAREST_SIMILARITY = "io.noveltylens.nearestSimilarity"; //$NON-NLS-1$
    public static final String NEAREST_SOURCE = "io.noveltylens.nearestSource"; //$NON-NLS-1$

    /** The L whose verbatim coverage the marker carries: 8-word runs, core's threshold for "quoted". */
    private static final int VERBATIM_RUN = 8;

    private NoveltyMarkers() {
    }

    static void create(IResource file, AnnotatedPassage result) throws CoreException {
        NoveltyReport report = result.report();
        Map<String, Object> attributes = new HashMap<>();
        attributes.put(IMarker.SEVERITY, IMarker.SEVERITY_INFO);
        attributes.put(IMarker.MESSAGE, NLS.bind(Messages.NoveltyMarkers_message,
                ReadoutFormat.percentile(report.density().percentile()), report.verdict().phrase()));
        attributes.put(IMarker.CHAR_START, result.provenance().startOffset());
        attributes.put(IMarker.CHAR_END, result.provenance().endOffset());
        attributes.put(IMarker.LINE_NUMBER, result.provenance().line());
        // marker attributes hold strings, integers and booleans only: readouts are stored as decimal strings
        attributes.put(PERCENTILE, number(report.density().percentile()));
        attributes.put(LOF, number(report.density().lof()));
        attributes.put(LOOP, number(report.density().loop()));
        attributes.put(VERBATIM, number(report.verbatim().coverage(VERBATIM_RUN)));
        if (!report.neighbours().isEmpty()) {
            Neighbour nearest = report.neighbours().get(0);
            attributes.put(NEAREST_SIMILARITY, number(nearest.cosine()));
            if (!nearest.sources().isEmpty()) {
                attributes.put(NEAREST_SOURCE,
                        nearest.sources().get(0).source() + ':' + nearest.sources().get(0).line());
            }
        }
        file.createMarker(TYPE, attributes);
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.4f", value); //$NON-NLS-1$
    }
}
