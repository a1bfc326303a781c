package io.noveltylens.core.embed;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.noveltylens.core.Progress;

/**
 * Prints (does not assert: build machines are shared) throughput and single-query latency on real fixture sentences,
 * to compare with docs/design.md section 4 (2 cores: fp32 about 240 sentences/s, p50 5-8 ms; int8 270-530/s, p50 3 ms).
 */
class EmbeddingSpeedTest {

    private static final int SENTENCES = 300;
    private static final int MAX_PIECES = 40;
    private static final int QUERIES = 150;

    @Test
    void fp32() throws Exception {
        report(TestModels.FP32);
    }

    @Test
    void int8() throws Exception {
        report(TestModels.INT8);
    }

    private static void report(String name) throws Exception {
        OnnxEmbedder embedder = TestModels.embedder(name);
        PassageTokenizer tokenizer = PassageTokenizer.load(embedder.model().tokenizer(), embedder.model().maxTokens(),
                TestModels.cacheDir());
        // sentence-length lines, as in the measurement of docs/design.md section 4 (mean 24.5 word pieces)
        List<String> sentences = FixtureTexts.mixed(200).stream()
                .filter(line -> tokenizer.pieces(line).length <= MAX_PIECES).limit(SENTENCES).toList();
        double meanPieces = sentences.stream().mapToInt(s -> tokenizer.pieces(s).length).average().orElse(0);
        tokenizer.close();
        embedder.embedPassages(sentences.subList(0, 20), Progress.NONE); // warm-up: first runs allocate arenas

        long start = System.nanoTime();
        embedder.embedPassages(sentences, Progress.NONE);
        double seconds = (System.nanoTime() - start) / 1e9;

        List<String> queries = new ArrayList<>(sentences);
        Collections.shuffle(queries, new Random(7));
        for (String warm : queries.subList(0, 10)) {
            embedder.embedQuery(warm);
        }
        long[] nanos = new long[QUERIES];
        for (int i = 0; i < QUERIES; i++) {
            long t = System.nanoTime();
            embedder.embedQuery(queries.get(i % queries.size()));
            nanos[i] = System.nanoTime() - t;
        }
        Arrays.sort(nanos);
        System.out.printf("[speed] %s: %d sentences (mean %.1f word pieces) in %.2f s = %.0f sentences/s on %d workers;"
                + " query latency p50 %.1f ms, p99 %.1f ms%n", embedder.model().id(), sentences.size(), meanPieces,
                seconds, sentences.size() / seconds, Runtime.getRuntime().availableProcessors(),
                nanos[QUERIES / 2] / 1e6, nanos[QUERIES * 99 / 100] / 1e6);
    }
}
