package io.noveltylens.core.index;

/** Names of the files a generation holds beside Lucene's own. */
final class CorpusFiles {

    /** Leave-one-out density statistics (DensityModel). */
    static final String DENSITY = "density.bin";
    /** PCA of the unit embeddings. */
    static final String PCA = "pca.bin";
    /** The unit embeddings projected on the principal components, N x components. */
    static final String PROJECTED = "projected.f32";
    /** The readouts of the corpus's own units by length (Calibration). */
    static final String CALIBRATION = "calibration.bin";

    private CorpusFiles() {
    }
}
