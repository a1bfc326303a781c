package io.noveltylens.ui;

/** The bundle's icons; JFace picks the {@code @2x} variant on high-DPI screens by itself. */
public enum NoveltyLensImages {
    LENS("icons/lens.png"), //$NON-NLS-1$
    PIN("icons/pin.png"), //$NON-NLS-1$
    LIVE("icons/live.png"), //$NON-NLS-1$
    HEATMAP("icons/heatmap.png"), //$NON-NLS-1$
    ANNOTATE("icons/annotate.png"), //$NON-NLS-1$
    COPY("icons/copy.png"), //$NON-NLS-1$
    EXPORT("icons/export.png"), //$NON-NLS-1$
    MARKER("icons/marker.png"); //$NON-NLS-1$

    private final String path;

    NoveltyLensImages(String path) {
        this.path = path;
    }

    public String key() {
        return name();
    }

    public String path() {
        return path;
    }
}
