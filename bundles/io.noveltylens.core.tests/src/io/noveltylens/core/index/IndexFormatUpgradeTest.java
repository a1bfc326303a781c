package io.noveltylens.core.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.noveltylens.core.CancelledException;
import io.noveltylens.core.NoveltyException;
import io.noveltylens.core.Progress;
import io.noveltylens.core.corpus.SourceDigest;
import io.noveltylens.test.support.ExactSearch;
import io.noveltylens.test.support.Folders;
import io.noveltylens.test.support.Vectors;

/**
 * Every older index format, as the code of the commit that wrote it left it (fixtures/index-formats/README.md): today's
 * code opens it and answers from it, and a rebuild from the sources it records brings it to
 * {@link IndexMetadata#FORMAT_VERSION} while the old generation keeps answering until the new one is published. The
 * answers are checked against brute force over the test model's embeddings of the stored passages, the hull data
 * against the unit embeddings' mean and their brute-force nearest-neighbour distances.
 */
class IndexFormatUpgradeTest {

    private static final String MODEL = "fixture";

    @TempDir
    Path dir;

    @Test
    void aFormat1IndexAnswersInTheUnitSpaceUntilItsRebuildIsPublished() throws Exception {
        upgrade("format-1", 1);
    }

    @Test
    void aFormat2IndexAnswersInTheUnitSpaceUntilItsRebuildIsPublished() throws Exception {
        upgrade("format-2", 2);
    }

    @Test
    void aFormat3IndexWithTheFirstCalibrationAnswersWithoutItUntilItsRebuildIsPublished() throws Exception {
        upgrade("format-3-calibration-1", 3);
    }

    @Test
    void anIndexOfTheCurrentFormatIsNotOutdated() throws Exception {
        Path root = fixture("format-2");
        IndexMetadata built = new IndexBuilder(new HashingEmbedder(MODEL), IndexSettings.defaults())
                .build(List.of(root.resolve("corpus")), dir.resolve("current"), Progress.NONE);
        assertEquals(IndexMetadata.FORMAT_VERSION, built.formatVersion());
        try (LuceneCorpusIndex index = open(dir.resolve("current"))) {
            assertFalse(index.outdated());
            assertTrue(index.calibration().isPresent());
            assertEquals(built.neighbourDistance(), index.hullData().neighbourDistance());
        }
    }

    @Test
    void aRebuildCancelledAtItsLastStepLeavesTheOldGenerationCurrent() throws Exception {
        Path index = fixture("format-2").resolve("index");
        HeldBeforePublishing cancelled = new HeldBeforePublishing(index, true);
        cancelled.release();
        assertThrows(CancelledException.class,
                () -> IndexBuilder.rebuild(new HashingEmbedder(MODEL), index, Progress.cancelledWhen(cancelled)));
        assertEquals(0, cancelled.held.getCount(), "cancelled once its new generation was complete");
        try (LuceneCorpusIndex old = open(index)) {
            assertEquals(2, old.metadata().formatVersion());
            assertAnswersLikeBruteForce(old);
        }
        try (DirectoryStream<Path> left = Files.newDirectoryStream(index, "gen-*")) {
            assertEquals(1, count(left), "the cancelled generation is removed");
        }
    }

    @Test
    void aRebuildWhoseRecordedSourceIsGoneIsRefusedWithItsNameAndTheOldIndexStays() throws Exception {
        Path root = fixture("format-1");
        Files.delete(root.resolve("corpus/sherlock.txt"));
        NoveltyException refused = assertThrows(NoveltyException.class,
                () -> IndexBuilder.rebuild(new HashingEmbedder(MODEL), root.resolve("index"), Progress.NONE));
        assertTrue(refused.getMessage().contains("1 of them cannot be found")
                && refused.getMessage().contains(root.resolve("corpus/sherlock.txt").toString()), refused.getMessage());
        try (LuceneCorpusIndex old = open(root.resolve("index"))) {
            assertEquals(1, old.metadata().formatVersion());
            assertAnswersLikeBruteForce(old);
        }
    }

    @Test
    void aNewerFormatIsRefusedAsUnknownToThisVersion() throws Exception {
        Path index = fixture("format-2").resolve("index");
        Path json = new IndexLayout(index).currentGeneration().orElseThrow().resolve(IndexMetadata.FILE_NAME);
        Files.writeString(json, Files.readString(json).replace("\"formatVersion\": 2",
                "\"formatVersion\": " + (IndexMetadata.FORMAT_VERSION + 1)));
        NoveltyException refused = assertThrows(NoveltyException.class, () -> open(index));
        assertTrue(refused.getMessage().contains("format version " + (IndexMetadata.FORMAT_VERSION + 1))
                && refused.getMessage().contains("a newer version of Novelty Lens wrote it"), refused.getMessage());
    }

    private void upgrade(String name, int version) throws Exception {
        Path index = fixture(name).resolve("index");
        HashingEmbedder model = new HashingEmbedder(MODEL);
        try (LuceneCorpusIndex old = open(index)) {
            IndexMetadata before = old.metadata();
            assertEquals(version, before.formatVersion());
            assertTrue(old.outdated());
            assertTrue(old.calibration().isEmpty(), "no calibration of this code's format: percentiles vs passages");
            assertAnswersLikeBruteForce(old);
            assertHullDataInTheUnitSpace(old);

            HeldBeforePublishing held = new HeldBeforePublishing(index, false);
            CompletableFuture<IndexMetadata> rebuild = CompletableFuture.supplyAsync(() -> {
                try {
                    return IndexBuilder.rebuild(model, index, Progress.cancelledWhen(held));
                } catch (NoveltyException e) {
                    throw new IllegalStateException(e);
                }
            });
            assertTrue(held.held.await(60, TimeUnit.SECONDS), "the rebuild reached its last step");
            // its new generation is complete and not yet published: readers, old and new, get the old one
            assertAnswersLikeBruteForce(old);
            try (LuceneCorpusIndex meanwhile = open(index)) {
                assertEquals(version, meanwhile.metadata().formatVersion());
            }
            held.release();
            IndexMetadata rebuilt = rebuild.get(60, TimeUnit.SECONDS);

            assertEquals(IndexMetadata.FORMAT_VERSION, rebuilt.formatVersion());
            assertEquals(files(before.sources()), files(rebuilt.sources()), "the recorded files, same content");
            assertEquals(before.passages(), rebuilt.passages());
            assertEquals(0, rebuilt.embedded(), "every passage came from the old embedding cache");
            // the old generation's files are deleted, but a reader that has them open still answers (POSIX)
            assertAnswersLikeBruteForce(old);
        }
        try (LuceneCorpusIndex now = open(index)) {
            assertFalse(now.outdated());
            assertTrue(now.calibration().isPresent());
            assertAnswersLikeBruteForce(now);
        }
    }

    private static List<String> files(List<SourceDigest> sources) {
        return sources.stream().map(s -> s.source() + " " + s.sha256()).toList();
    }

    /** The top 5 of stored passages taken as queries: the passage itself first, then brute force's cosines. */
    private static void assertAnswersLikeBruteForce(LuceneCorpusIndex index) throws NoveltyException {
        HashingEmbedder model = new HashingEmbedder(MODEL);
        float[][] units = units(index, model);
        for (int q = 0; q < units.length; q += 15) {
            List<Neighbour> hits = index.nearest(units[q], 5);
            int[] expected = ExactSearch.topK(units, units[q], 5);
            assertEquals(index.passage(q).text(), hits.get(0).text());
            for (int i = 0; i < expected.length; i++) {
                assertEquals(Vectors.dot(units[expected[i]], units[q]), hits.get(i).cosine(), 1e-5);
            }
        }
    }

    /**
     * The PCA is centred on the mean of the unit embeddings (formats 1 and 2 stored the raw embeddings' PCA, whose
     * mean has about the raw norm), and the scale is the median distance from a passage to its nearest other passage
     * between unit embeddings, by brute force.
     */
    private static void assertHullDataInTheUnitSpace(LuceneCorpusIndex index) throws NoveltyException {
        float[][] units = units(index, new HashingEmbedder(MODEL));
        int n = units.length;
        double[] mean = new double[units[0].length];
        for (float[] unit : units) {
            for (int j = 0; j < mean.length; j++) {
                mean[j] += unit[j] / (double) n;
            }
        }
        double[] nearest = new double[n];
        for (int i = 0; i < n; i++) {
            double best = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < n; j++) {
                if (j != i) {
                    best = Math.max(best, Vectors.dot(units[i], units[j]));
                }
            }
            nearest[i] = Math.sqrt(Math.max(0, 2 - 2 * best));
        }
        Arrays.sort(nearest);
        HullData hull = index.hullData();
        assertArrayEquals(mean, hull.pca().mean(), 1e-5);
        assertEquals(nearest[n / 2], hull.neighbourDistance(), 1e-5);
    }

    /** The test model's unit embeddings of the stored passages, by ordinal: independent of the stored vectors. */
    private static float[][] units(LuceneCorpusIndex index, HashingEmbedder model) throws NoveltyException {
        List<float[]> units = new ArrayList<>();
        for (int i = 0; i < index.metadata().passages(); i++) {
            units.add(model.embedQuery(index.passage(i).text()).unit());
        }
        return units.toArray(float[][]::new);
    }

    private Path fixture(String name) throws IOException {
        return Folders.copy(Path.of("fixtures/index-formats", name), dir.resolve(name));
    }

    private static LuceneCorpusIndex open(Path index) throws NoveltyException {
        return LuceneCorpusIndex.open(index, new HashingEmbedder(MODEL).fingerprint(), HashingEmbedder.DIMENSION);
    }

    private static int count(DirectoryStream<Path> entries) {
        int n = 0;
        for (Path ignored : entries) {
            n++;
        }
        return n;
    }

    /**
     * Cancellation checks of a build that hold it at the last one, once its new generation is complete (its metadata
     * written) and before it is published, until the test releases it; then cancel it or let it finish.
     */
    private static final class HeldBeforePublishing implements BooleanSupplier {

        final CountDownLatch held = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);
        private final Path index;
        private final boolean cancel;

        HeldBeforePublishing(Path index, boolean cancel) {
            this.index = index;
            this.cancel = cancel;
        }

        void release() {
            released.countDown();
        }

        @Override
        public boolean getAsBoolean() {
            if (!completeGenerationWaiting()) {
                return false;
            }
            held.countDown();
            try {
                released.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return cancel;
        }

        private boolean completeGenerationWaiting() {
            try (DirectoryStream<Path> temporary = Files.newDirectoryStream(index, "gen-*.tmp")) {
                for (Path generation : temporary) {
                    if (Files.exists(generation.resolve(IndexMetadata.FILE_NAME))) {
                        return true;
                    }
                }
                return false;
            } catch (IOException e) {
                return false;
            }
        }
    }
}
