package io.noveltylens.core.embed;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.noveltylens.core.CancelledException;
import io.noveltylens.core.NoveltyException;
import io.noveltylens.core.Progress;

/**
 * Turns text into sentence embeddings with one model. Implementations are safe for concurrent callers: the IDE
 * embeds a selection while an index build runs. Texts longer than the model's limit are embedded whole, in
 * overlapping windows (see {@link OnnxEmbedder}).
 */
public interface Embedder extends AutoCloseable {

    /** The model this embedder runs; its {@link ModelDescriptor#dimension()} is the length of every vector. */
    ModelDescriptor model();

    /**
     * The model's identity for the index, as fast as the implementation can tell it: {@link OnnxEmbedder} takes the
     * digests it remembers for model files that look unchanged (same path, size, time and inode) instead of hashing
     * them. Good enough to open an index, never to record in one: see {@link #verifiedFingerprint()}.
     */
    ModelFingerprint fingerprint() throws NoveltyException;

    /**
     * The model's identity from the files' contents as they are now, hashed on a background thread when
     * {@link #fingerprint()} was remembered rather than hashed (started by the first call). It differs from
     * {@link #fingerprint()} only when a model file was rewritten with its size and time restored: whoever opened
     * an index with the remembered one must then stop using it. An index build records this one.
     */
    default CompletableFuture<ModelFingerprint> verifiedFingerprint() {
        try {
            return CompletableFuture.completedFuture(fingerprint());
        } catch (NoveltyException | RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * Loads now what the first {@link #embedQuery} would load (ONNX Runtime's query session: 0.3-0.5 s for MiniLM),
     * so that a caller preparing for queries in the background makes the first one as fast as the next.
     */
    default void prepareQueries() throws NoveltyException {
        // nothing to load for embedders without lazy state
    }

    /** One text at the lowest latency, with the model's query prefix (e.g. e5's {@code "query: "}). */
    Embedding embedQuery(String text) throws NoveltyException;

    /**
     * Many texts at the highest throughput, with the model's passage prefix, in the order given. Pass chunks of a
     * few thousand texts: all of a chunk's token ids are held at once. {@code progress} counts texts and is polled
     * between batches, from the calling thread only.
     *
     * @throws CancelledException when {@code progress} is cancelled; nothing is returned then
     */
    List<Embedding> embedPassages(List<String> texts, Progress progress) throws NoveltyException;

    /** Frees the native sessions; waits for calls in flight. */
    @Override
    void close();
}
