package io.noveltylens.core.index;

import io.noveltylens.core.corpus.SourceFilter;

/**
 * How an index is built.
 *
 * @param k              neighbours for the density statistics (LOF, LoOP, percentile); also the default query k
 * @param pcaComponents  principal components kept for the extrapolation depth (the depth sweep goes up to this)
 * @param maxPassageWords passages longer than this are cut at sentence ends (see PassageSplitter)
 * @param maxFileBytes   larger source files are skipped with a reason
 * @param threads        threads for the leave-one-out neighbour searches
 * @param filter         which files inside corpus folders are read
 */
public record IndexSettings(int k, int pcaComponents, int maxPassageWords, long maxFileBytes, int threads,
        SourceFilter filter) {

    public static IndexSettings defaults() {
        return new IndexSettings(10, 64, 150, 256L << 20, Math.max(1, Runtime.getRuntime().availableProcessors()),
                SourceFilter.ALL);
    }

    /** These settings with another k and file filter, the two a user chooses. */
    public IndexSettings with(int neighbours, SourceFilter files) {
        return new IndexSettings(neighbours, pcaComponents, maxPassageWords, maxFileBytes, threads, files);
    }

    public IndexSettings {
        if (k < 1 || pcaComponents < 1 || threads < 1) {
            throw new IllegalArgumentException("k, pcaComponents and threads must be positive");
        }
    }
}
