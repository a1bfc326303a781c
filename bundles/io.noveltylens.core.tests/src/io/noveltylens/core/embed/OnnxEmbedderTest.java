package io.noveltylens.core.embed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.noveltylens.core.CancelledException;
import io.noveltylens.core.Progress;
import io.noveltylens.test.support.Vectors;

/** What the index and the analyser rely on: order, determinism, batch independence, cancellation, concurrency. */
class OnnxEmbedderTest {

    @Test
    void passagesComeBackInOrderAndMatchTheirQueryVectors() throws Exception {
        OnnxEmbedder embedder = TestModels.embedder(TestModels.FP32);
        List<String> texts = new ArrayList<>(FixtureTexts.mixed(12));
        texts.add("");
        // shuffled with a fixed seed so that length-sorted batches hold neighbours from other sources
        Collections.shuffle(texts, new Random(42));
        List<Embedding> passages = embedder.embedPassages(texts, Progress.NONE);
        assertEquals(texts.size(), passages.size());
        for (int i = 0; i < texts.size(); i++) {
            Embedding query = embedder.embedQuery(texts.get(i));
            // fp32 vectors do not depend on batch mates or padding (docs/design.md section 4): only float rounding differs
            assertTrue(Vectors.cosine(query.unit(), passages.get(i).unit()) > 0.99999, "text " + i);
            assertEquals(query.rawNorm(), passages.get(i).rawNorm(), 1e-4 * query.rawNorm());
        }
    }

    @Test
    void unitVectorHasNormOneAndRawIsItScaledBack() throws Exception {
        Embedding embedding = TestModels.embedder(TestModels.FP32).embedQuery("The quick brown fox.");
        assertEquals(384, embedding.unit().length);
        assertEquals(1.0, norm(embedding.unit()), 1e-5);
        assertTrue(embedding.rawNorm() > 0.1, "raw norm " + embedding.rawNorm());
        assertEquals(embedding.rawNorm(), norm(embedding.raw()), 1e-4 * embedding.rawNorm());
        assertEquals(1, embedding.windows());
    }

    @Test
    void int8RunsOneAtATimeSoBatchMatesDoNotChangeAVector() throws Exception {
        OnnxEmbedder int8 = TestModels.embedder(TestModels.INT8);
        List<String> texts = FixtureTexts.mixed(6);
        List<Embedding> passages = int8.embedPassages(texts, Progress.NONE);
        for (int i = 0; i < texts.size(); i++) {
            assertArrayEquals(int8.embedQuery(texts.get(i)).unit(), passages.get(i).unit(), 1e-6f, "text " + i);
        }
        double cosine = Vectors.cosine(passages.getFirst().unit(),
                TestModels.embedder(TestModels.FP32).embedQuery(texts.getFirst()).unit());
        assertTrue(cosine > 0.95, "int8 close to fp32, cosine " + cosine);
    }

    @Test
    void cancellingStopsBetweenBatchesAndReturnsNothing() throws Exception {
        AtomicInteger worked = new AtomicInteger();
        Progress cancelAfterFirstBatch = new Progress() {
            @Override
            public void begin(String task, int totalWork) {
            }

            @Override
            public void worked(int work) {
                worked.addAndGet(work);
            }

            @Override
            public boolean isCanceled() {
                return worked.get() > 0;
            }
        };
        List<String> texts = FixtureTexts.mixed(100);
        assertThrows(CancelledException.class,
                () -> TestModels.embedder(TestModels.FP32).embedPassages(texts, cancelAfterFirstBatch));
        assertTrue(worked.get() < texts.size() / 2, "stopped early, after " + worked.get());
    }

    @Test
    void progressCountsEveryText() throws Exception {
        AtomicInteger total = new AtomicInteger();
        AtomicInteger worked = new AtomicInteger();
        Progress counting = new Progress() {
            @Override
            public void begin(String task, int totalWork) {
                total.set(totalWork);
            }

            @Override
            public void worked(int work) {
                worked.addAndGet(work);
            }

            @Override
            public boolean isCanceled() {
                return false;
            }
        };
        List<String> texts = new ArrayList<>(FixtureTexts.mixed(8));
        texts.add(String.join(" ", FixtureTexts.lines("austen-1500", 8))); // several windows, counted once
        List<Embedding> embeddings = TestModels.embedder(TestModels.FP32).embedPassages(texts, counting);
        assertEquals(texts.size(), total.get());
        assertEquals(texts.size(), worked.get());
        assertTrue(embeddings.getLast().windows() > 1);
    }

    @Test
    void queriesRunWhilePassagesAreEmbedded() throws Exception {
        OnnxEmbedder embedder = TestModels.embedder(TestModels.FP32);
        List<String> corpus = FixtureTexts.mixed(20);
        String query = "A quiet evening by the sea.";
        float[] expected = embedder.embedQuery(query).unit();
        ExecutorService callers = Executors.newFixedThreadPool(3);
        try {
            Future<List<Embedding>> build = callers.submit(() -> embedder.embedPassages(corpus, Progress.NONE));
            List<Future<Embedding>> queries = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                queries.add(callers.submit(() -> embedder.embedQuery(query)));
            }
            for (Future<Embedding> result : queries) {
                assertArrayEquals(expected, result.get().unit(), 1e-6f);
            }
            assertEquals(corpus.size(), build.get().size());
        } finally {
            callers.shutdown();
        }
    }

    @Test
    void fingerprintIsComputedOnceAndTellsModelsApart() throws Exception {
        OnnxEmbedder fp32 = TestModels.embedder(TestModels.FP32);
        ModelFingerprint fingerprint = fp32.fingerprint();
        assertSame(fingerprint, fp32.fingerprint());
        assertTrue(fingerprint.onnxSha256().matches("[0-9a-f]{64}"), fingerprint.onnxSha256());
        assertEquals(fingerprint, ModelFingerprint.of(fp32.model()));
        ModelFingerprint int8 = TestModels.embedder(TestModels.INT8).fingerprint();
        assertNotEquals(fingerprint.onnxSha256(), int8.onnxSha256());
        assertEquals(fingerprint.tokenizerSha256(), int8.tokenizerSha256(), "the two ship the same tokenizer");
    }

    @Test
    void closedEmbedderRefusesWork() throws Exception {
        OnnxEmbedder embedder = OnnxEmbedder.open(TestModels.descriptor(TestModels.INT8), TestModels.cacheDir(), 1);
        embedder.embedQuery("warm");
        embedder.close();
        embedder.close();
        assertThrows(IllegalStateException.class, () -> embedder.embedQuery("cold"));
    }

    private static double norm(float[] vector) {
        double sum = 0;
        for (float v : vector) {
            sum += (double) v * v;
        }
        return Math.sqrt(sum);
    }
}
