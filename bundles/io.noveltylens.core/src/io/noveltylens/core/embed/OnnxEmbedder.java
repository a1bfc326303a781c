package io.noveltylens.core.embed;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.noveltylens.core.BackgroundResult;
import io.noveltylens.core.CancelledException;
import io.noveltylens.core.CoreText;
import io.noveltylens.core.CoreTrace;
import io.noveltylens.core.NoveltyException;
import io.noveltylens.core.NoveltyException.Kind;
import io.noveltylens.core.Progress;

/**
 * An {@link Embedder} over ONNX Runtime and DJL's tokenizer.
 * <p>
 * <b>Throughput</b> ({@link #embedPassages}): all windows of a call are sorted by token length and cut into batches
 * of similar length (padding an unsorted batch costs more than it saves); as many workers as cores run batches
 * concurrently on one session with one intra-op thread each (measured best on 2 cores, docs/design.md section 4).
 * <b>Latency</b> ({@link #embedQuery}): a second session with one intra-op thread per core (up to 4); measured p50 11
 * vs 16 ms for an 80-token sentence against a 1-thread session.
 * <p>
 * <b>Start-up</b>: both sessions are created on first use (about 0.3 s each for MiniLM fp32), so a command that only
 * queries never loads the passage session and an index build never loads the query session; the model's fingerprint
 * (SHA-256 of 90 MB, 0.3 s) is taken from the digests remembered in the cache folder when the files look unchanged,
 * else hashed on a worker thread from the start while the caller loads the rest; a remembered one is proved by
 * hashing again in the background once a caller asks for {@link #verifiedFingerprint()}.
 * <p>
 * <b>Long texts</b>: a text longer than {@code maxTokens} is split into half-overlapping windows
 * ({@link PassageTokenizer#split}); its vector is the mean of the window vectors weighted by their token counts,
 * before normalisation. With MEAN pooling that is the mean of every token state the model produced for the text, so
 * a 5,000-word passage is represented by all of it, and a text that fits is embedded exactly as sentence-transformers
 * would embed it.
 * <p>
 * <b>Files written</b>: DJL extracts its native tokenizer library under {@code cacheDir/djl}, and JNA (which DJL uses
 * to probe for a GPU) unpacks under {@code cacheDir/jna} ({@link DjlEnvironment}). ONNX Runtime 1.28 copies its two
 * native libraries into a new {@code onnxruntime-java*} folder under {@code java.io.tmpdir} on every start, deletes
 * the files at exit and leaves the empty folder; {@code -Donnxruntime.native.path=DIR} makes it load pre-extracted
 * ones instead, but it creates the empty temp folder even then.
 */
public final class OnnxEmbedder implements Embedder {

    /** Caps a batch's padded size: 32 windows of 256 tokens would need about 100 MB of attention scores. */
    private static final int TOKENS_PER_BATCH = 4096;

    /** An interrupted hash or inference stops within a batch; this only bounds a wedged native call. */
    private static final long WORKER_STOP_SECONDS = 10;

    private final ModelDescriptor model;
    private final PassageTokenizer tokenizer;
    private final ExecutorService workers;
    private final FileDigests digests;
    private final FutureTask<ModelFingerprint> fingerprint;
    private CompletableFuture<ModelFingerprint> verifiedFingerprint;
    private final int workerCount;
    private final long[] queryHead;
    private final long[] passageHead;
    /** Guards the native sessions: calls share it, {@link #close()} takes it exclusively. */
    private final ReadWriteLock lifecycle = new ReentrantReadWriteLock();
    private EncoderSession querySession;
    private EncoderSession passageSession;
    private boolean closed;

    private OnnxEmbedder(ModelDescriptor model, PassageTokenizer tokenizer, int workerCount, Path cacheDir) {
        this.model = model;
        this.tokenizer = tokenizer;
        this.workerCount = workerCount;
        this.queryHead = tokenizer.head(model.queryPrefix());
        this.passageHead = tokenizer.head(model.passagePrefix());
        AtomicInteger threadNumber = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(workerCount, task -> {
            Thread thread = new Thread(task, "noveltylens-embed-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.digests = new FileDigests(cacheDir);
        this.fingerprint = new FutureTask<>(() -> ModelFingerprint.of(model, digests));
        workers.execute(fingerprint);
    }

    /** Opens {@code model} with one passage worker per core; see {@link #open(ModelDescriptor, Path, int)}. */
    public static OnnxEmbedder open(ModelDescriptor model, Path cacheDir) throws NoveltyException {
        return open(model, cacheDir, Runtime.getRuntime().availableProcessors());
    }

    /**
     * Loads the tokenizer and the model.
     *
     * @param cacheDir       where native libraries may be extracted: the plug-in's state location, the CLI's cache
     * @param passageThreads how many batches {@link #embedPassages} runs at once
     */
    public static OnnxEmbedder open(ModelDescriptor model, Path cacheDir, int passageThreads)
            throws NoveltyException {
        if (passageThreads < 1) {
            throw new IllegalArgumentException("passageThreads must be at least 1: " + passageThreads);
        }
        PassageTokenizer tokenizer = PassageTokenizer.load(model.tokenizer(), model.maxTokens(), cacheDir);
        int room = model.maxTokens() - tokenizer.tail().length
                - Math.max(tokenizer.head(model.queryPrefix()).length, tokenizer.head(model.passagePrefix()).length);
        if (room < 1) {
            tokenizer.close();
            throw new NoveltyException(Kind.MODEL, CoreText.bind(CoreText.OnnxEmbedder_prefixesTooLong, model.id(),
                    model.maxTokens()));
        }
        return new OnnxEmbedder(model, tokenizer, passageThreads, cacheDir);
    }

    @Override
    public ModelDescriptor model() {
        return model;
    }

    @Override
    public ModelFingerprint fingerprint() throws NoveltyException {
        ensureOpen();
        try {
            return BackgroundResult.await(fingerprint, "Fingerprinting the model");
        } catch (CancellationException e) {
            throw new IllegalStateException("The embedder for " + model.id() + " is closed", e);
        }
    }

    /** Hashes the files again on a worker thread if {@link #fingerprint()} took a remembered digest. */
    @Override
    public synchronized CompletableFuture<ModelFingerprint> verifiedFingerprint() {
        ensureOpen();
        if (verifiedFingerprint == null) {
            verifiedFingerprint = CompletableFuture.supplyAsync(() -> {
                try {
                    ModelFingerprint remembered = fingerprint();
                    return digests.remembered() == 0 ? remembered : ModelFingerprint.hashed(model, digests);
                } catch (NoveltyException e) {
                    throw new CompletionException(e);
                }
            }, workers);
        }
        return verifiedFingerprint;
    }

    /** What the fingerprint read from the cache folder and what it hashed, for tests. */
    FileDigests digests() {
        return digests;
    }

    @Override
    public void prepareQueries() throws NoveltyException {
        lifecycle.readLock().lock();
        try {
            querySession();
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    @Override
    public Embedding embedQuery(String text) throws NoveltyException {
        Objects.requireNonNull(text, "text");
        lifecycle.readLock().lock();
        try {
            EncoderSession session = querySession();
            List<long[]> windows = tokenizer.windows(queryHead, text);
            float[][] raw = new float[windows.size()][];
            int step = batchSize(windows.getFirst().length);
            for (int from = 0; from < windows.size(); from += step) {
                List<long[]> batch = windows.subList(from, Math.min(windows.size(), from + step));
                float[][] pooled = session.pool(batch, model.dimension());
                System.arraycopy(pooled, 0, raw, from, pooled.length);
            }
            return combine(windows, raw);
        } catch (OrtException e) {
            throw inferenceFailed(e);
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    @Override
    public List<Embedding> embedPassages(List<String> texts, Progress progress) throws NoveltyException {
        progress.begin("Embedding " + texts.size() + " passages", texts.size());
        lifecycle.readLock().lock();
        try {
            ensureOpen();
            List<List<long[]>> windowsByText = new ArrayList<>(texts.size());
            List<Window> windows = new ArrayList<>(texts.size());
            for (int t = 0; t < texts.size(); t++) {
                if (t % 256 == 0) {
                    progress.checkCanceled();
                }
                List<long[]> ofText = tokenizer.windows(passageHead, texts.get(t));
                windowsByText.add(ofText);
                for (long[] ids : ofText) {
                    windows.add(new Window(t, windows.size(), ids));
                }
            }
            float[][] raw = new float[windows.size()][];
            new BatchRun(batches(windows), raw, windowsByText, passageSession(), progress).run();
            List<Embedding> embeddings = new ArrayList<>(texts.size());
            int at = 0;
            for (List<long[]> ofText : windowsByText) {
                embeddings.add(combine(ofText, Arrays.copyOfRange(raw, at, at + ofText.size())));
                at += ofText.size();
            }
            return embeddings;
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    /** One model input: a window of text {@code text}, at position {@code index} among all windows of a call. */
    private record Window(int text, int index, long[] ids) {
    }

    /** Sorted by length, then cut so that each batch has at most maxBatchSize windows and TOKENS_PER_BATCH tokens. */
    private List<List<Window>> batches(List<Window> windows) {
        List<Window> sorted = new ArrayList<>(windows);
        sorted.sort(Comparator.comparingInt(window -> window.ids().length));
        List<List<Window>> batches = new ArrayList<>();
        int from = 0;
        while (from < sorted.size()) {
            int size = 1;
            while (from + size < sorted.size()
                    && size + 1 <= batchSize(sorted.get(from + size).ids().length)) {
                size++;
            }
            batches.add(sorted.subList(from, from + size));
            from += size;
        }
        return batches;
    }

    private int batchSize(int windowLength) {
        return Math.max(1, Math.min(model.maxBatchSize(), TOKENS_PER_BATCH / windowLength));
    }

    /**
     * The batches of one {@link #embedPassages} call, run by the worker threads; the calling thread waits, reports
     * progress in whole texts and relays cancellation, so a {@link Progress} never sees another thread.
     */
    private final class BatchRun {
        private final ConcurrentLinkedQueue<List<Window>> pending;
        private final int batchCount;
        private final float[][] raw;
        private final int[] windowsLeft;
        private final Progress progress;
        private final EncoderSession session;
        private final LinkedBlockingQueue<Object> finished = new LinkedBlockingQueue<>();
        private final AtomicBoolean stop = new AtomicBoolean();

        BatchRun(List<List<Window>> batches, float[][] raw, List<List<long[]>> windowsByText, EncoderSession session,
                Progress progress) {
            this.session = session;
            this.pending = new ConcurrentLinkedQueue<>(batches);
            this.batchCount = batches.size();
            this.raw = raw;
            this.windowsLeft = windowsByText.stream().mapToInt(List::size).toArray();
            this.progress = progress;
        }

        void run() throws NoveltyException {
            try (OrtSession.RunOptions options = new OrtSession.RunOptions()) {
                run(options);
            } catch (OrtException e) {
                throw inferenceFailed(e);
            }
        }

        private void run(OrtSession.RunOptions options) throws NoveltyException {
            List<Future<?>> running = new ArrayList<>();
            for (int w = 0; w < Math.min(workerCount, batchCount); w++) {
                running.add(workers.submit(() -> work(options)));
            }
            try {
                for (int done = 0; done < batchCount;) {
                    Object next = finished.poll(50, TimeUnit.MILLISECONDS);
                    progress.checkCanceled();
                    if (next instanceof OrtException e) {
                        throw inferenceFailed(e);
                    } else if (next instanceof Throwable e) {
                        throw new IllegalStateException("Embedding failed in a worker thread", e);
                    } else if (next instanceof List<?> batch) {
                        done++;
                        progress.worked(textsCompleted(batch));
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancelledException();
            } finally {
                stop.set(true);
                terminate(options); // a cancelled build stops within the batches running, not after them
                awaitAll(running);
            }
        }

        private void work(OrtSession.RunOptions options) {
            for (List<Window> batch = pending.poll(); batch != null && !stop.get(); batch = pending.poll()) {
                try {
                    float[][] pooled = session.pool(batch.stream().map(Window::ids).toList(), model.dimension(),
                            options);
                    for (int i = 0; i < pooled.length; i++) {
                        raw[batch.get(i).index()] = pooled[i];
                    }
                    finished.add(batch);
                } catch (OrtException | RuntimeException | Error e) {
                    finished.add(e);
                    return;
                }
            }
        }

        private int textsCompleted(List<?> batch) {
            int completed = 0;
            for (Object window : batch) {
                if (--windowsLeft[((Window) window).text()] == 0) {
                    completed++;
                }
            }
            return completed;
        }

        private static void terminate(OrtSession.RunOptions options) {
            try {
                options.setTerminate(true);
            } catch (OrtException e) {
                // the running batches then end at their own pace
            }
        }

        /** Waits for the workers even when cancelled, so no native call outlives this call (and its read lock). */
        private static void awaitAll(List<Future<?>> running) {
            boolean interrupted = false;
            for (Future<?> future : running) {
                while (true) {
                    try {
                        future.get();
                        break;
                    } catch (InterruptedException e) {
                        interrupted = true;
                    } catch (ExecutionException e) {
                        break; // already reported through the finished queue
                    }
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Weighted by token count: with MEAN pooling this is the mean over all token states of all windows. */
    private static Embedding combine(List<long[]> windows, float[][] raw) {
        if (raw.length == 1) {
            return Embedding.ofRaw(raw[0], 1);
        }
        float[] sum = new float[raw[0].length];
        double weights = 0;
        for (int w = 0; w < raw.length; w++) {
            int weight = windows.get(w).length;
            weights += weight;
            for (int d = 0; d < sum.length; d++) {
                sum[d] += weight * raw[w][d];
            }
        }
        for (int d = 0; d < sum.length; d++) {
            sum[d] /= (float) weights;
        }
        return Embedding.ofRaw(sum, raw.length);
    }

    private synchronized EncoderSession querySession() throws NoveltyException {
        ensureOpen();
        if (querySession == null) {
            querySession = EncoderSession.openChecked(model, Math.min(4, Runtime.getRuntime().availableProcessors()));
        }
        return querySession;
    }

    /** One intra-op thread: the workers run batches concurrently on it instead. */
    private synchronized EncoderSession passageSession() throws NoveltyException {
        ensureOpen();
        if (passageSession == null) {
            passageSession = EncoderSession.openChecked(model, 1);
        }
        return passageSession;
    }

    private synchronized void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("The embedder for " + model.id() + " is closed");
        }
    }

    private NoveltyException inferenceFailed(OrtException e) {
        return new NoveltyException(Kind.MODEL,
                CoreText.bind(CoreText.OnnxEmbedder_runFailed, model.id(), e.getMessage()), e);
    }

    @Override
    public void close() {
        lifecycle.writeLock().lock();
        try {
            synchronized (this) {
                if (closed) {
                    return;
                }
                closed = true;
            }
            fingerprint.cancel(true);
            if (verifiedFingerprint != null) {
                verifiedFingerprint.cancel(true);
            }
            workers.shutdownNow();
            if (passageSession != null) {
                passageSession.close();
            }
            if (querySession != null) {
                querySession.close();
            }
            tokenizer.close();
        } finally {
            lifecycle.writeLock().unlock();
        }
        awaitWorkers();
    }

    /**
     * Waits for the interrupted workers to stop, so that no background hash writes into the cache folder after the
     * embedder is closed (a caller may delete that folder next). Outside the lock: a worker may be waiting for it.
     */
    private void awaitWorkers() {
        try {
            if (!workers.awaitTermination(WORKER_STOP_SECONDS, TimeUnit.SECONDS)) {
                CoreTrace.ENGINE.trace("embedder workers of " + model.id() + " still running after close");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether every worker thread has ended, for tests. */
    boolean workersStopped() {
        return workers.isTerminated();
    }
}
