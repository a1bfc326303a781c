package io.noveltylens.core.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.noveltylens.core.NoveltyException;
import io.noveltylens.core.Progress;
import io.noveltylens.core.engine.EngineConfig;
import io.noveltylens.core.engine.NoveltyEngine;
import io.noveltylens.core.index.IndexBuilder;
import io.noveltylens.core.index.IndexSettings;
import io.noveltylens.test.support.Folders;
import io.noveltylens.test.support.ModelTampering;

/**
 * The engine opens with the model's fingerprint as remembered from an earlier start (no hashing), and hashes the files
 * again in the background once its first report is out: a model file rewritten in place with its size and time
 * restored, which the remembered fingerprint cannot see, is caught by that check, the engine stops answering, and the
 * next engine refuses the index built with the model as it was. The oracle is SHA-256 of the files themselves (the
 * index records it at build time).
 */
class ModelFileChangeTest {

    /** A watchdog, not a timing: hashing 23 MB takes a fraction of a second. */
    private static final long CHECK_SECONDS = 60;

    @TempDir
    Path dir;

    @Test
    void aModelRewrittenWithItsSizeAndTimeRestoredIsCaughtInTheBackgroundAndItsIndexThenRefused() throws Exception {
        Path model = Folders.copy(TestModels.modelDir(TestModels.INT8), dir.resolve("model"));
        Path cache = dir.resolve("cache");
        Path corpus = Files.createDirectories(dir.resolve("corpus"));
        Files.writeString(corpus.resolve("a.txt"), """
                The lighthouse keeper wrote letters to nobody.

                Every evening the fog came in from the sea and stayed until morning.

                Ships passed without stopping, their lights moving slowly along the horizon.
                """);
        try (OnnxEmbedder embedder = OnnxEmbedder.open(ModelDescriptor.load(model, cache), cache)) {
            new IndexBuilder(embedder, IndexSettings.defaults()).build(List.of(corpus), dir.resolve("index"),
                    Progress.NONE);
        }
        EngineConfig config = new EngineConfig(model, dir.resolve("index"), cache, 2, Duration.ofMillis(300));

        try (NoveltyEngine engine = NoveltyEngine.open(config, Progress.NONE)) {
            FileDigests digests = ((OnnxEmbedder) engine.embedder()).digests();
            assertEquals(2, digests.remembered(), "the engine opened with the digests the build remembered");
            engine.analyze("The fog stayed all night.", Progress.NONE); // the check starts once a report is out
            engine.modelVerification().toCompletableFuture().get(CHECK_SECONDS, TimeUnit.SECONDS);
            assertEquals(2, digests.hashed(), "only the background check hashed the two files");
            engine.analyze("The fog stayed all night.", Progress.NONE);
        }

        Path onnx = model.resolve("all-minilm-l6-v2-q.onnx");
        String stamp = CacheEntries.stamp(onnx);
        ModelTampering.flipOneBitKeepingTime(onnx);
        assertEquals(stamp, CacheEntries.stamp(onnx), "the rewrite must look unchanged to the file stamp");

        NoveltyException changed;
        try (NoveltyEngine engine = NoveltyEngine.open(config, Progress.NONE)) {
            engine.analyze("The fog stayed all night.", Progress.NONE); // answered before the check has run
            ExecutionException failed = assertThrows(ExecutionException.class,
                    () -> engine.modelVerification().toCompletableFuture().get(CHECK_SECONDS, TimeUnit.SECONDS));
            changed = assertInstanceOf(NoveltyException.class, failed.getCause());
            assertSame(NoveltyException.Kind.MODEL, changed.kind());
            NoveltyException refused = assertThrows(NoveltyException.class,
                    () -> engine.analyze("The fog stayed all night.", Progress.NONE));
            assertEquals(changed.getMessage(), refused.getMessage());
        }

        NoveltyException stale = assertThrows(NoveltyException.class, () -> NoveltyEngine.open(config, Progress.NONE));
        assertSame(NoveltyException.Kind.INDEX, stale.kind(), stale.getMessage());
    }

    /**
     * Closing stops the background check before it returns: a hash still running would write its digest into the
     * cache folder after the caller had moved on, and a caller deleting that folder then fails (CI saw exactly that).
     */
    @Test
    void closeReturnsOnlyOnceTheBackgroundCheckHasStopped() throws Exception {
        Path model = TestModels.modelDir(TestModels.FP32);
        Path cache = dir.resolve("cache");
        try (OnnxEmbedder first = OnnxEmbedder.open(ModelDescriptor.load(model, cache), cache)) {
            first.fingerprint(); // hashes the files and remembers their digests
        }
        OnnxEmbedder embedder = OnnxEmbedder.open(ModelDescriptor.load(model, cache), cache);
        embedder.fingerprint();
        assertEquals(2, embedder.digests().remembered(), "the second start must take the remembered digests");
        embedder.verifiedFingerprint(); // hashes 90 MB again in the background
        awaitThreadIn("FileDigests", "rehash");
        embedder.close();
        assertTrue(embedder.workersStopped(), "a worker outlived close()");
    }

    private static void awaitThreadIn(String className, String method) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(CHECK_SECONDS);
        while (Thread.getAllStackTraces().values().stream().flatMap(Arrays::stream)
                .noneMatch(frame -> frame.getClassName().endsWith(className) && frame.getMethodName().equals(method))) {
            assertTrue(System.nanoTime() < deadline, "the background check never started");
            Thread.sleep(1);
        }
    }
}
