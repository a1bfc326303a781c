package io.noveltylens.core.engine;

import java.time.Duration;
import java.util.concurrent.FutureTask;
import java.util.function.Consumer;

import io.noveltylens.core.BackgroundResult;
import io.noveltylens.core.CoreText;
import io.noveltylens.core.CoreTrace;
import io.noveltylens.core.NoveltyException;
import io.noveltylens.core.Progress;
import io.noveltylens.core.analysis.HullAnalysis;
import io.noveltylens.core.analysis.NoveltyAnalyzer;
import io.noveltylens.core.analysis.NoveltyReport;
import io.noveltylens.core.analysis.PrincipalPlane;
import io.noveltylens.core.analysis.SentenceReadout;
import io.noveltylens.core.embed.Embedder;
import io.noveltylens.core.embed.ModelDescriptor;
import io.noveltylens.core.embed.OnnxEmbedder;
import io.noveltylens.core.exclude.Exclusions;
import io.noveltylens.core.index.CorpusIndex;
import io.noveltylens.core.index.CorpusIndexOpener;
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
    private final boolean indexOutdated;

    private NoveltyEngine(Embedder embedder, CorpusIndex index, NoveltyAnalyzer analyzer, boolean indexOutdated) {
        this.embedder = embedder;
        this.index = index;
        this.analyzer = analyzer;
        this.indexOutdated = indexOutdated;
        CoreTrace.ENGINE
                .trace("opened: model " + embedder.model().id() + ", " + index.metadata().passages() + " passages");
    }

    /**
     * Loads the model and opens the index at the same time (each takes about half a second, and a command-line score
     * waits for both), then checks that the index was built with this model.
     */
    public static NoveltyEngine open(EngineConfig config, Progress progress) throws NoveltyException {
        progress.begin(CoreText.Engine_loading, 2);
        progress.subTask(CoreText.Engine_loadingModelAndIndex);
        FutureTask<LuceneCorpusIndex> opening = new FutureTask<>(
                () -> LuceneCorpusIndex.open(config.indexDir(), null, 0));
        Thread opener = new Thread(opening, "noveltylens-open-index");
        opener.setDaemon(true);
        opener.start();
        Embedder embedder = null;
        LuceneCorpusIndex index = null;
        try {
            embedder = OnnxEmbedder.open(ModelDescriptor.load(config.modelDir(), config.cacheDir()), config.cacheDir());
            embedder.prepareQueries();
            progress.worked(1);
            index = opened(opening);
            index.metadata().requireBuiltWith(embedder.fingerprint(), embedder.model().dimension(), config.indexDir());
            progress.worked(1);
            return new NoveltyEngine(embedder, index,
                    new NoveltyAnalyzer(embedder, index, config.k(), new HullAnalysis(config.hullBudget())),
                    index.outdated());
        } catch (NoveltyException | RuntimeException e) {
            if (embedder != null) {
                embedder.close();
            }
            if (index == null) {
                index = openedQuietly(opening);
            }
            if (index != null) {
                index.close();
            }
            CoreTrace.ENGINE.trace("opening " + config.indexDir() + " failed", e);
            throw e;
        }
    }

    /** An engine over the corpus {@code corpus} opens (a SolrCloud collection) instead of config's index folder. */
    public static NoveltyEngine open(EngineConfig config, CorpusIndexOpener corpus) throws NoveltyException {
        Embedder embedder = OnnxEmbedder.open(ModelDescriptor.load(config.modelDir(), config.cacheDir()),
                config.cacheDir());
        try {
            embedder.prepareQueries();
            CorpusIndex index = corpus.open(embedder.fingerprint(), embedder.model().dimension());
            return new NoveltyEngine(embedder, index,
                    new NoveltyAnalyzer(embedder, index, config.k(), new HullAnalysis(config.hullBudget())), false);
        } catch (NoveltyException | RuntimeException e) {
            embedder.close();
            CoreTrace.ENGINE.trace("opening the corpus failed", e);
            throw e;
        }
    }

    private static LuceneCorpusIndex opened(FutureTask<LuceneCorpusIndex> opening) throws NoveltyException {
        return BackgroundResult.await(opening, "Opening the corpus index");
    }

    /** The index once its opening has finished, or null if it failed: for closing it after another failure. */
    private static LuceneCorpusIndex openedQuietly(FutureTask<LuceneCorpusIndex> opening) {
        try {
            return opened(opening);
        } catch (NoveltyException | RuntimeException e) {
            CoreTrace.FAILURES.trace("the index failed to open too; the first failure is reported", e);
            return null;
        }
    }

    /** The fast readouts of a passage (see {@link NoveltyAnalyzer#analyze}). */
    public NoveltyReport analyze(String text, Progress progress) throws NoveltyException {
        return analyzer.analyze(text, progress);
    }

    /** The fast readouts listing {@code k} neighbours instead of the configured number. */
    public NoveltyReport analyze(String text, int k, Progress progress) throws NoveltyException {
        return analyzer.analyze(text, k, progress);
    }

    /** The fast readouts of what {@code exclusions} leave of the passage (see {@link NoveltyAnalyzer#analyze}). */
    public NoveltyReport analyze(String text, Exclusions exclusions, int k, Progress progress) throws NoveltyException {
        return analyzer.analyze(text, exclusions, k, progress);
    }

    /**
     * Loads what the hull readouts need (about a second for the default corpus) ahead of the first
     * {@link #withHull}, which then stays within its budget; call it in the background after opening.
     */
    public void prepareHull() throws NoveltyException {
        analyzer.prepareHull();
    }

    /**
     * {@link #prepareHull}, and one made-up query through the solvers, so that the JIT has compiled them before the
     * first selection (a few hundred milliseconds of CPU): for the IDE, whose engine lives for many selections; a
     * one-shot command gains nothing from it. A {@link #withHull} that arrives meanwhile waits for it.
     */
    public void warmUpHull() throws NoveltyException {
        analyzer.warmUpHull();
    }

    /** The report with its hull readouts added. */
    public NoveltyReport withHull(NoveltyReport report, Progress progress) throws NoveltyException {
        return analyzer.withHull(report, progress);
    }

    /** The report with its hull readouts computed within {@code budget} instead of the configured one. */
    public NoveltyReport withHull(NoveltyReport report, Duration budget, Progress progress) throws NoveltyException {
        return analyzer.withHull(report, budget, progress);
    }

    /**
     * The readouts of every sentence of {@code text[from, to)}, each scored on its own and handed to {@code sink} as
     * soon as it is scored, with its span in offsets of {@code text}: the editor heatmap (see
     * {@link NoveltyAnalyzer#sentences(String, int, int, Consumer, Progress)}).
     */
    public void sentences(String text, int from, int to, Consumer<SentenceReadout> sink, Progress progress)
            throws NoveltyException {
        analyzer.sentences(text, from, to, sink, progress);
    }

    /**
     * The plane of the corpus's first two principal components with {@code samples} of its passages: the common axes
     * of a map of many passages over the corpus (loads the hull data, as {@link #prepareHull} does).
     */
    public PrincipalPlane principalPlane(int samples) throws NoveltyException {
        return PrincipalPlane.of(index, samples);
    }

    public IndexMetadata indexInfo() {
        return index.metadata();
    }

    /**
     * Whether the local index was written by an older format ({@link LuceneCorpusIndex#outdated()}): it answers, its
     * percentiles against its passages, until a front end rebuilds it. A collection is refused rather than outdated.
     */
    public boolean indexOutdated() {
        return indexOutdated;
    }

    public Embedder embedder() {
        return embedder;
    }

    @Override
    public void close() {
        index.close();
        embedder.close();
        CoreTrace.ENGINE.trace("closed");
    }
}
