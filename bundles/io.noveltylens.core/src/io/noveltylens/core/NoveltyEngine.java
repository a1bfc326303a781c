package io.noveltylens.core;

import java.util.List;

import io.noveltylens.core.analysis.HullAnalysis;
import io.noveltylens.core.analysis.NoveltyAnalyzer;
import io.noveltylens.core.analysis.NoveltyReport;
import io.noveltylens.core.analysis.SentenceReadout;
import io.noveltylens.core.embed.Embedder;
import io.noveltylens.core.embed.ModelDescriptor;
import io.noveltylens.core.embed.OnnxEmbedder;
import io.noveltylens.core.index.CorpusIndex;
import io.noveltylens.core.index.IndexMetadata;
import io.noveltylens.core.index.LuceneCorpusIndex;

/**
 * A loaded model and an open corpus index, ready to analyse passages: the entry point of the IDE and the CLI.
 * Opening takes seconds (model load, vectors into memory), so do it once and off the UI thread. Thread-safe.
 */
public final class NoveltyEngine implements AutoCloseable {

    private final Embedder embedder;
    private final CorpusIndex index;
    private final NoveltyAnalyzer analyzer;

    private NoveltyEngine(Embedder embedder, CorpusIndex index, NoveltyAnalyzer analyzer) {
        this.embedder = embedder;
        this.index = index;
        this.analyzer = analyzer;
    }

    public static NoveltyEngine open(EngineConfig config, Progress progress) throws NoveltyException {
        progress.begin("Loading Novelty Lens", 3); //$NON-NLS-1$
        progress.subTask("Loading the embedding model"); //$NON-NLS-1$
        Embedder embedder = OnnxEmbedder.open(ModelDescriptor.load(config.modelDir()), config.cacheDir());
        try {
            progress.worked(1);
            progress.subTask("Opening the corpus index"); //$NON-NLS-1$
            CorpusIndex index = LuceneCorpusIndex.open(config.indexDir(), embedder.fingerprint(),
                    embedder.model().dimension());
            progress.worked(2);
            return new NoveltyEngine(embedder, index,
                    new NoveltyAnalyzer(embedder, index, config.k(), new HullAnalysis(config.hullBudget())));
        } catch (NoveltyException | RuntimeException e) {
            embedder.close();
            throw e;
        }
    }

    /** The fast readouts of a passage (see {@link NoveltyAnalyzer#analyze}). */
    public NoveltyReport analyze(String text, Progress progress) throws NoveltyException {
        return analyzer.analyze(text, progress);
    }

    /** The report with its hull readouts added. */
    public NoveltyReport withHull(NoveltyReport report, Progress progress) throws NoveltyException {
        return analyzer.withHull(report, progress);
    }

    /** Per-sentence readouts of a text, for the editor heatmap. */
    public List<SentenceReadout> sentences(String text, Progress progress) throws NoveltyException {
        return analyzer.sentences(text, progress);
    }

    public IndexMetadata indexInfo() {
        return index.metadata();
    }

    public Embedder embedder() {
        return embedder;
    }

    @Override
    public void close() {
        index.close();
        embedder.close();
    }
}
