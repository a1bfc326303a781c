package io.noveltylens.core.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.noveltylens.core.Progress;
import io.noveltylens.core.analysis.HullAnalysis;
import io.noveltylens.core.analysis.NoveltyAnalyzer;
import io.noveltylens.core.analysis.RealCorpusEngine;
import io.noveltylens.core.corpus.SentenceSplitter;
import io.noveltylens.core.embed.OnnxEmbedder;
import io.noveltylens.core.embed.TestModels;
import io.noveltylens.core.index.IndexBuilder;
import io.noveltylens.core.index.IndexMetadata;
import io.noveltylens.core.index.IndexSettings;
import io.noveltylens.core.index.LuceneCorpusIndex;

/**
 * A bounded soak: 2,000 passages scored back to back against an index while an incremental rebuild of that same
 * index runs and publishes a new generation. No query fails (readers keep the generation they opened), a reopened
 * index sees the new passages, and the heap after a full GC does not grow with the number of queries (no leaked
 * tensors, sessions or readers).
 */
class SoakTest {

    private static final int QUERIES = 2000;
    private static final long ALLOWED_HEAP_GROWTH = 64L << 20;

    @TempDir
    Path dir;

    @Test
    void scoresThousandsOfPassagesWhileTheIndexIsRebuilt() throws Exception {
        RealCorpusEngine.get(); // builds the shared real-text index
        Path index = copyOfRealCorpusIndex();
        OnnxEmbedder embedder = TestModels.embedder(TestModels.FP32);
        // one sentence a query, as a writer selects: the first sentence of each of 400 Austen paragraphs
        List<String> passages = RealCorpusEngine.austen(400).stream()
                .map(paragraph -> SentenceSplitter.sentences(paragraph).get(0).of(paragraph)).toList();

        try (LuceneCorpusIndex before = LuceneCorpusIndex.open(index, embedder.fingerprint(),
                embedder.model().dimension())) {
            NoveltyAnalyzer analyzer = new NoveltyAnalyzer(embedder, before, 10,
                    new HullAnalysis(java.time.Duration.ofMillis(200)));
            Path extra = Files.writeString(dir.resolve("sources").resolve("extra.txt"), String.join("\n", //$NON-NLS-1$ //$NON-NLS-2$
                    RealCorpusEngine.austen(1000).subList(900, 1000)));
            CompletableFuture<IndexMetadata> rebuild = CompletableFuture.supplyAsync(() -> {
                try {
                    return new IndexBuilder(embedder, IndexSettings.defaults()).build(
                            List.of(dir.resolve("sources")), index, Progress.NONE); //$NON-NLS-1$
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            long[] latencies = new long[QUERIES];
            List<Long> heapAfterGc = new ArrayList<>();
            for (int i = 0; i < QUERIES; i++) {
                long start = System.nanoTime();
                analyzer.analyze(passages.get(i % passages.size()), Progress.NONE);
                latencies[i] = System.nanoTime() - start;
                if ((i + 1) % 500 == 0) {
                    heapAfterGc.add(usedHeapAfterGc());
                }
            }
            IndexMetadata rebuilt = rebuild.join();
            assertTrue(Files.exists(extra));
            assertTrue(rebuilt.passages() >= before.metadata().passages() + 100, "the rebuild added the new file"); //$NON-NLS-1$
            try (LuceneCorpusIndex after = LuceneCorpusIndex.open(index, embedder.fingerprint(),
                    embedder.model().dimension())) {
                assertEquals(rebuilt.passages(), after.metadata().passages(), "a reopened index sees the new generation"); //$NON-NLS-1$
            }
            Arrays.sort(latencies);
            System.out.printf("Soak: %d reports during a rebuild; latency p50 %.1f ms, p95 %.1f ms, p99 %.1f ms; heap after GC %s MB%n", //$NON-NLS-1$
                    QUERIES, latencies[QUERIES / 2] / 1e6, latencies[QUERIES * 95 / 100] / 1e6,
                    latencies[QUERIES * 99 / 100] / 1e6, heapAfterGc.stream().map(b -> b >> 20).toList());
            long growth = heapAfterGc.get(heapAfterGc.size() - 1) - heapAfterGc.get(0);
            assertTrue(growth < ALLOWED_HEAP_GROWTH, "heap grew by " + (growth >> 20) + " MB over " + QUERIES + " queries"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
        }
    }

    /** The shared real-text index and its sources, copied so that this test can rebuild it. */
    private Path copyOfRealCorpusIndex() throws Exception {
        Path source = Path.of("target", "real-corpus").toAbsolutePath(); //$NON-NLS-1$ //$NON-NLS-2$
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path target = dir.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else if (!file.getFileName().toString().equals("write.lock")) { //$NON-NLS-1$
                    Files.copy(file, target);
                }
            }
        }
        return dir.resolve("index"); //$NON-NLS-1$
    }

    private static long usedHeapAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
