package io.noveltylens.core.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.noveltylens.core.CancelledException;
import io.noveltylens.core.NoveltyException;
import io.noveltylens.core.Progress;
import io.noveltylens.core.embed.FixtureTexts;
import io.noveltylens.core.embed.OnnxEmbedder;
import io.noveltylens.core.embed.TestModels;
import io.noveltylens.core.index.IndexBuilder;
import io.noveltylens.core.index.IndexMetadata;
import io.noveltylens.core.index.IndexSettings;
import io.noveltylens.core.index.LuceneCorpusIndex;
import io.noveltylens.core.index.Neighbour;

/**
 * Cancelling a rebuild with the real model, mid-embedding, on a corpus that would take well over 10 s to embed on
 * the 2-core machine (about 3,400 passages at about 150 passages/s): the build returns within a second of the
 * request, as a user pressing the red square in the Progress view expects, and the previous index answers as before.
 */
class CancelRebuildTest {

    private static final long ALLOWED_NANOS = TimeUnit.SECONDS.toNanos(1);

    @TempDir
    Path dir;

    @Test
    void aRebuildCancelledMidEmbeddingStopsWithinASecondAndLeavesThePreviousIndex() throws Exception {
        OnnxEmbedder embedder = TestModels.embedder(TestModels.FP32);
        Path corpus = Files.createDirectories(dir.resolve("corpus"));
        Path index = dir.resolve("index");
        List<String> texts = FixtureTexts.mixed(1000);
        Files.writeString(corpus.resolve("small.txt"), String.join("\n", texts.subList(0, 20)));
        IndexBuilder builder = new IndexBuilder(embedder, IndexSettings.defaults());
        IndexMetadata previous = builder.build(List.of(corpus), index, Progress.NONE);
        List<Neighbour> answerBefore = nearest(index, embedder, texts.get(3));

        Files.writeString(corpus.resolve("large.txt"), String.join("\n", texts.subList(20, texts.size())));
        CountDownLatch embeddingUnderWay = new CountDownLatch(1);
        CancelOnRequest progress = new CancelOnRequest(embeddingUnderWay);
        CompletableFuture<IndexMetadata> rebuild = CompletableFuture.supplyAsync(() -> {
            try {
                return builder.build(List.of(corpus), index, progress);
            } catch (NoveltyException e) {
                throw new IllegalStateException(e);
            }
        });
        assertTrue(embeddingUnderWay.await(2, TimeUnit.MINUTES), "the rebuild reached the embedding");
        long requested = System.nanoTime();
        progress.cancelled = true;
        ExecutionException failure = assertThrows(ExecutionException.class, () -> rebuild.get(1, TimeUnit.MINUTES));
        long latency = System.nanoTime() - requested;
        assertInstanceOf(CancelledException.class, failure.getCause());
        System.out.printf("Cancel: the rebuild stopped %.0f ms after the request, %d embedding units in%n",
                latency / 1e6, progress.embeddingWork);
        assertTrue(latency < ALLOWED_NANOS, "cancelling took " + latency / 1_000_000 + " ms");

        IndexMetadata current = LuceneCorpusIndex.readMetadata(index);
        assertEquals(previous.builtAt(), current.builtAt(), "the previous generation is still current");
        assertEquals(previous.passages(), current.passages());
        assertEquals(answerBefore, nearest(index, embedder, texts.get(3)));
        try (Stream<Path> files = Files.list(index)) {
            assertEquals(List.of(), files.filter(f -> f.getFileName().toString().endsWith(".tmp")).toList(),
                    "no temporary generation is left");
        }
    }

    private static List<Neighbour> nearest(Path index, OnnxEmbedder embedder, String text) throws Exception {
        try (LuceneCorpusIndex opened = LuceneCorpusIndex.open(index, embedder.fingerprint(),
                embedder.model().dimension())) {
            return opened.nearest(embedder.embedQuery(text).unit(), 5);
        }
    }

    /**
     * Signals once the build has reported a tenth of its embedding work (so the request lands mid-embedding, not
     * between phases), and is cancelled when the test says so, the way the IDE's progress monitor is.
     */
    private static final class CancelOnRequest implements Progress {
        private final CountDownLatch embeddingUnderWay;
        volatile boolean cancelled;
        private boolean embedding;
        int embeddingWork;

        CancelOnRequest(CountDownLatch embeddingUnderWay) {
            this.embeddingUnderWay = embeddingUnderWay;
        }

        @Override
        public void begin(String task, int totalWork) {
            // the build's total is fixed; the phase shows in subTask
        }

        @Override
        public void subTask(String name) {
            embedding |= name.startsWith("Embedding");
        }

        @Override
        public void worked(int work) {
            if (embedding) {
                embeddingWork += work;
                if (embeddingWork >= 70) { // IndexBuilder gives embedding 700 of its units
                    embeddingUnderWay.countDown();
                }
            }
        }

        @Override
        public boolean isCanceled() {
            return cancelled;
        }
    }
}
