package io.noveltylens.core.engine;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicBoolean;
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
import io.noveltylens.core.embed.ModelFingerprint;
import io.noveltylens.core.embed.OnnxEmbedder;
import io.noveltylens.core.exclude.Exclusions;
import io.noveltylens.core.exclude.MaskedText;
import io.noveltylens.core.index.CorpusIndex;
import io.noveltylens.core.index.CorpusIndexOpener;
import io.noveltylens.core.index.IndexMetadata;
import io.noveltylens.core.index.LuceneCorpusIndex;

/**
 * A loaded model and an open corpus index, ready to analyse passages: the entry point of the IDE and the CLI.
 * Opening takes seconds (model load, index open), so do it once and off the UI thread. Thread-safe.
 * <p>
 * The index is checked against the model's fingerprint as the embedder remembers it (the files' digests from an
 * earlier start, when their size, time and inode are unchanged), and the files are hashed again in the background
 * once the first report is out, so that the hashing does not compete with it ({@link #modelVerification()}): if they
 * turn out to differ, every later call fails with that finding, so that no report of a model other than the one the
 * index was built with outlives the check by more than its hashing.
 */
public final class NoveltyEngine implements AutoCloseable {

    private final Embedder embedder;
    private final CorpusIndex index;
    private final NoveltyAnalyzer analyzer;
    private final boolean indexOutdated;
    private final ModelFingerprint opened;
    private final CompletableFuture<Void> modelVerification = new CompletableFuture<>();
    private final AtomicBoolean verificationStarted = new AtomicBoolean();

    private NoveltyEngine(Embedder embedder, CorpusIndex index, NoveltyAnalyzer analyzer, boolean indexOutdated,
            ModelFingerprint opened) {
        this.embedder = embedder;
        this.index = index;
        this.analyzer = analyzer;
        this.indexOutdated = indexOutdated;
        this.opened = opened;
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
            ModelFingerprint fingerprint = embedder.fingerprint();
            index.metadata().requireBuiltWith(fingerprint, embedder.model().dimension(), config.indexDir());
            progress.worked(1);
            return new NoveltyEngine(embedder, index,
                    new NoveltyAnalyzer(embedder, index, config.k(), new HullAnalysis(config.hullBudget())),
                    index.outdated(), fingerprint);
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
            ModelFingerprint fingerprint = embedder.fingerprint();
            CorpusIndex index = corpus.open(fingerprint, embedder.model().dimension());
            return new NoveltyEngine(embedder, index,
                    new NoveltyAnalyzer(embedder, index, config.k(), new HullAnalysis(config.hullBudget())), false,
                    fingerprint);
        } catch (NoveltyException | RuntimeException e) {
            embedder.close();
            CoreTrace.ENGINE.trace("opening the corpus failed", e);
            throw e;
        }
    }

    /**
     * Completes when the model files, hashed again in the background from the end of the first report on, match the
     * fingerprint the index was checked against; completes exceptionally with a {@link NoveltyException} when they do
     * not (or cannot be read). Then the engine answers nothing more: a front end reopens it, and the index is checked
     * against the model as it is now.
     */
    public CompletionStage<Void> modelVerification() {
        return modelVerification.minimalCompletionStage();
    }

    /**
     * Waits for the background check of the model files, when a report has started it: a one-shot front end (the
     * command line) calls this after its last report, so that it never ends with reports of a model that changed
     * unnoticed.
     *
     * @throws NoveltyException the check's finding, when the model changed or could not be read
     */
    public void awaitModelVerification() throws NoveltyException {
        if (verificationStarted.get()) {
            BackgroundResult.await(modelVerification, "Verifying the model's fingerprint");
        }
    }

    /** Starts the background check of the model files, once: after the first report, which it would slow down. */
    private void verifyModel() {
        if (!verificationStarted.compareAndSet(false, true)) {
            return;
        }
        embedder.verifiedFingerprint().whenComplete((verified, error) -> {
            if (error != null) {
                modelVerification.completeExceptionally(error);
            } else if (!verified.equals(opened)) {
                modelVerification.completeExceptionally(new NoveltyException(NoveltyException.Kind.MODEL,
                        CoreText.bind(CoreText.Engine_modelChanged, embedder.model().onnx().getParent())));
            } else {
                modelVerification.complete(null);
            }
        });
    }

    /** Fails with the background check's finding once it has found the model changed. */
    private void requireModelUnchanged() throws NoveltyException {
        if (modelVerification.isCompletedExceptionally() && !modelVerification.isCancelled()) {
            BackgroundResult.await(modelVerification, "Verifying the model's fingerprint");
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
        return analyze(text, Exclusions.NONE, analyzer.k(), progress);
    }

    /** The fast readouts listing {@code k} neighbours instead of the configured number. */
    public NoveltyReport analyze(String text, int k, Progress progress) throws NoveltyException {
        return analyze(text, Exclusions.NONE, k, progress);
    }

    /** The fast readouts of what {@code exclusions} leave of the passage (see {@link NoveltyAnalyzer#analyze}). */
    public NoveltyReport analyze(String text, Exclusions exclusions, int k, Progress progress) throws NoveltyException {
        requireModelUnchanged();
        NoveltyReport report = analyzer.analyze(text, exclusions, k, progress);
        verifyModel();
        return report;
    }

    /** The fast readouts of a text already masked (see {@link NoveltyAnalyzer#analyze(MaskedText, int, Progress)}). */
    public NoveltyReport analyze(MaskedText masked, int k, Progress progress) throws NoveltyException {
        requireModelUnchanged();
        NoveltyReport report = analyzer.analyze(masked, k, progress);
        verifyModel();
        return report;
    }

    /** The number of nearest passages a report lists unless told otherwise. */
    public int k() {
        return analyzer.k();
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
        requireModelUnchanged();
        return analyzer.withHull(report, progress);
    }

    /** The report with its hull readouts computed within {@code budget} instead of the configured one. */
    public NoveltyReport withHull(NoveltyReport report, Duration budget, Progress progress) throws NoveltyException {
        requireModelUnchanged();
        return analyzer.withHull(report, budget, progress);
    }

    /**
     * The readouts of every sentence of {@code text[from, to)}, each scored on its own and handed to {@code sink} as
     * soon as it is scored, with its span in offsets of {@code text}: the editor heatmap (see
     * {@link NoveltyAnalyzer#sentences(String, int, int, Consumer, Progress)}).
     */
    public void sentences(String text, int from, int to, Consumer<SentenceReadout> sink, Progress progress)
            throws NoveltyException {
        requireModelUnchanged();
        analyzer.sentences(text, from, to, sink, progress);
        verifyModel();
    }

    /**
     * The plane of the corpus's first two principal components with {@code samples} of its passages: the common axes
     * of a map of many passages over the corpus (loads the hull data, as {@link #prepareHull} does).
     */
    public PrincipalPlane principalPlane(int samples) throws NoveltyException {
        return PrincipalPlane.of(index, samples);
    }

    /** The time the hull readouts of one passage may take ({@link EngineConfig#hullBudget()}). */
    public Duration hullBudget() {
        return analyzer.hullBudget();
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

    /** Whether the corpus was published anew since this engine opened it ({@link CorpusIndex#superseded()}). */
    public boolean corpusSuperseded() throws NoveltyException {
        return index.superseded();
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
