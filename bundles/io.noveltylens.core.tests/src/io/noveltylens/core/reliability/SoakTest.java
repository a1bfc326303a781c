package io.noveltylens.core.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.noveltylens.core.CancelledException;
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
import io.noveltylens.core.index.Neighbour;

/**
 * A bounded soak: 2,000 passages scored back to back against an index while an incremental rebuild of that same
 * index runs and publishes a new generation, then rebuilds cancelled at different points. No query fails (readers
 * keep the generation they opened), and what the soak could break is checked: the open generation answers a probe
 * query with the same neighbours and cosines as at the start; the reopened index answers it the same way, except for
 * passages of the new file; the folder holds the current generation and no temporary one; the heap after a full GC,
 * the open file descriptors and the threads do not grow with the number of queries and builds (no leaked tensors,
 * sessions, readers, writers or pools).
 */
class SoakTest {

    private static final int QUERIES = 2000;
    private static final long ALLOWED_HEAP_GROWTH = 64L << 20;
    /** Descriptors the JVM may open on its own meanwhile (a jar, a class data file); one leaked reader holds dozens. */
    private static final int ALLOWED_DESCRIPTOR_GROWTH = 8;
    /** Progress polls after which the cancelled rebuilds stop: while reading, embedding, and measuring densities. */
    private static final int[] CANCEL_AFTER_POLLS = { 1, 40, 1200 };

    @TempDir
    Path dir;

    @Test
    void scoresThousandsOfPassagesWhileTheIndexIsRebuiltAndLeaksNothing() throws Exception {
        RealCorpusEngine.get(); // builds the shared real-text index
        Path index = copyOfRealCorpusIndex();
        OnnxEmbedder embedder = TestModels.embedder(TestModels.FP32);
        // one sentence a query, as a writer selects: the first sentence of each of 400 Austen paragraphs
        List<String> passages = RealCorpusEngine.austen(400).stream()
                .map(paragraph -> SentenceSplitter.sentences(paragraph).get(0).of(paragraph)).toList();
        float[] probe = embedder.embedQuery(passages.get(0)).unit();
        IndexBuilder builder = new IndexBuilder(embedder, IndexSettings.defaults());

        try (LuceneCorpusIndex before = LuceneCorpusIndex.open(index, embedder.fingerprint(),
                embedder.model().dimension())) {
            NoveltyAnalyzer analyzer = new NoveltyAnalyzer(embedder, before, 10,
                    new HullAnalysis(Duration.ofMillis(200)));
            List<Neighbour> atStart = before.nearest(probe, 10);
            analyzer.analyze(passages.get(0), Progress.NONE);
            long descriptorsAtStart = openDescriptors();
            Set<Thread> threadsAtStart = Thread.getAllStackTraces().keySet();
            Path sources = dir.resolve("sources");
            Files.writeString(sources.resolve("extra.txt"), String.join("\n",
                    RealCorpusEngine.austen(1000).subList(900, 1000)));
            CompletableFuture<IndexMetadata> rebuild = CompletableFuture.supplyAsync(() -> {
                try {
                    return builder.build(List.of(sources), index, Progress.NONE);
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
            assertTrue(rebuilt.passages() >= before.metadata().passages() + 100, "the rebuild added the new file");
            String published = currentGeneration(index);

            Files.writeString(sources.resolve("more.txt"), String.join("\n",
                    RealCorpusEngine.austen(900).subList(800, 900)));
            for (int polls : CANCEL_AFTER_POLLS) {
                AtomicInteger polled = new AtomicInteger();
                assertThrows(CancelledException.class, () -> builder.build(List.of(sources), index,
                        Progress.cancelledWhen(() -> polled.incrementAndGet() > polls)), "cancelled after " + polls);
                assertEquals(published, currentGeneration(index), "a cancelled rebuild publishes nothing");
            }
            try (Stream<Path> entries = Files.list(index)) {
                List<String> names = entries.map(entry -> entry.getFileName().toString()).sorted().toList();
                assertEquals(List.of(), names.stream().filter(name -> name.endsWith(".tmp")).toList(),
                        names.toString());
                assertEquals(List.of(published), names.stream().filter(name -> name.startsWith("gen-")).toList(),
                        "only the current generation is left: " + names);
            }

            assertEquals(summary(atStart), summary(before.nearest(probe, 10)),
                    "the generation opened at the start answers as it did");
            try (LuceneCorpusIndex after = LuceneCorpusIndex.open(index, embedder.fingerprint(),
                    embedder.model().dimension())) {
                assertEquals(rebuilt.passages(), after.metadata().passages(),
                        "a reopened index sees the new generation");
                assertSameAnswerExceptForTheNewFile(atStart, after.nearest(probe, 10));
            }
            Arrays.sort(latencies);
            System.out.printf(
                    "Soak: %d reports during a rebuild; latency p50 %.1f ms, p95 %.1f ms, p99 %.1f ms; heap after GC %s MB; descriptors %d -> %d%n",
                    QUERIES, latencies[QUERIES / 2] / 1e6, latencies[QUERIES * 95 / 100] / 1e6,
                    latencies[QUERIES * 99 / 100] / 1e6, heapAfterGc.stream().map(b -> b >> 20).toList(),
                    descriptorsAtStart, openDescriptors());
            long growth = heapAfterGc.get(heapAfterGc.size() - 1) - heapAfterGc.get(0);
            assertTrue(growth < ALLOWED_HEAP_GROWTH,
                    "heap grew by " + (growth >> 20) + " MB over " + QUERIES + " queries");
            assertTrue(openDescriptors() <= descriptorsAtStart + ALLOWED_DESCRIPTOR_GROWTH,
                    "open file descriptors grew from " + descriptorsAtStart + " to " + openDescriptors());
            assertEquals(List.of(), threadsStartedSince(threadsAtStart), "threads the soak started and left running");
        }
    }

    /**
     * The reopened index's answer: every passage the old generation held keeps its cosine, passages it returned drop
     * out only below the new answer's last cosine, and the only newcomers come from the new file.
     */
    private static void assertSameAnswerExceptForTheNewFile(List<Neighbour> atStart, List<Neighbour> reopened) {
        Map<String, Double> cosines = atStart.stream()
                .collect(Collectors.toMap(Neighbour::passageId, Neighbour::cosine));
        for (Neighbour neighbour : reopened) {
            Double was = cosines.get(neighbour.passageId());
            if (was != null) {
                assertEquals(was, neighbour.cosine(), 1e-12, neighbour.text());
            } else {
                assertTrue(neighbour.sources().stream().allMatch(source -> source.source().endsWith("extra.txt")),
                        "a newcomer not from the new file: " + neighbour);
            }
        }
        double last = reopened.get(reopened.size() - 1).cosine();
        Set<String> kept = reopened.stream().map(Neighbour::passageId).collect(Collectors.toSet());
        for (Neighbour neighbour : atStart) {
            assertTrue(kept.contains(neighbour.passageId()) || neighbour.cosine() <= last, "dropped: " + neighbour);
        }
    }

    private static List<String> summary(List<Neighbour> neighbours) {
        return neighbours.stream().map(n -> n.rank() + " " + n.passageId() + " " + n.cosine()).toList();
    }

    private static String currentGeneration(Path index) throws Exception {
        return Files.readString(index.resolve("CURRENT")).strip();
    }

    /**
     * Threads alive now that were not at {@code before}, after giving each up to 10 s to end (a pool shut down at
     * the end of a build finishes its threads shortly after). Left out: the common pool's idle workers, which ran the
     * rebuild, and the shared embedder's workers ({@code noveltylens-embed-N}), which start on first use and live as
     * long as the embedder.
     */
    private static List<String> threadsStartedSince(Set<Thread> before) throws InterruptedException {
        List<String> running = new ArrayList<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            boolean shared = thread instanceof ForkJoinWorkerThread worker
                    && worker.getPool() == ForkJoinPool.commonPool()
                    || thread.getName().startsWith("noveltylens-embed-");
            if (!before.contains(thread) && !shared && !thread.join(Duration.ofSeconds(10))) {
                running.add(thread.getName());
            }
        }
        return running;
    }

    /** Open file descriptors of this process, from Linux's /proc; elsewhere 0, which checks nothing. */
    private static long openDescriptors() throws Exception {
        Path fds = Path.of("/proc/self/fd");
        if (!Files.isDirectory(fds)) {
            return 0;
        }
        try (Stream<Path> open = Files.list(fds)) {
            return open.count();
        }
    }

    /** The shared real-text index and its sources, copied so that this test can rebuild it. */
    private Path copyOfRealCorpusIndex() throws Exception {
        Path source = Path.of("target", "real-corpus").toAbsolutePath();
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path target = dir.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else if (!file.getFileName().toString().equals("write.lock")) {
                    Files.copy(file, target);
                }
            }
        }
        return dir.resolve("index");
    }

    private static long usedHeapAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
