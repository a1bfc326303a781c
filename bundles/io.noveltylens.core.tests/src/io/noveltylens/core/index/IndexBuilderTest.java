package io.noveltylens.core.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.noveltylens.core.CancelledException;
import io.noveltylens.core.NoveltyException;
import io.noveltylens.core.NoveltyException.Remedy;
import io.noveltylens.core.Progress;
import io.noveltylens.core.corpus.Provenance;

/** The index lifecycle: provenance, incremental rebuilds, atomic publication, refusal of foreign or damaged indexes. */
class IndexBuilderTest {

    @TempDir
    Path dir;
    Path corpus;
    Path index;

    @BeforeEach
    void corpus() throws IOException {
        corpus = Files.createDirectories(dir.resolve("corpus"));
        index = dir.resolve("index");
        Files.writeString(corpus.resolve("a.txt"), lines("alpha", 40));
    }

    /** Distinct lines of varied words, one passage each (the file has no blank line). */
    private static String lines(String topic, int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append(topic).append(" passage number ").append(i).append(" speaks of word").append(i % 7)
                    .append(" and thing").append(i % 11).append(" and item").append(i).append('\n');
        }
        return text.toString();
    }

    private IndexMetadata build(HashingEmbedder embedder) throws NoveltyException {
        return new IndexBuilder(embedder, IndexSettings.defaults()).build(List.of(corpus), index, Progress.NONE);
    }

    private static LuceneCorpusIndex open(Path index, HashingEmbedder embedder) throws NoveltyException {
        return LuceneCorpusIndex.open(index, embedder.fingerprint(), HashingEmbedder.DIMENSION);
    }

    @Test
    void findsAPassageByItsOwnTextWithExactProvenance() throws Exception {
        HashingEmbedder model = new HashingEmbedder("m1");
        IndexMetadata metadata = build(model);
        assertEquals(40, metadata.passages());
        String text = Files.readString(corpus.resolve("a.txt"));
        String line = text.lines().toList().get(17);
        try (LuceneCorpusIndex opened = open(index, model)) {
            Neighbour best = opened.nearest(model.embedQuery(line).unit(), 3).get(0);
            assertEquals(line, best.text());
            assertEquals(1.0, best.cosine(), 1e-5);
            Provenance source = best.sources().get(0);
            assertEquals("corpus/a.txt", source.source(), "sources under the index's parent are stored relative");
            assertEquals(18, source.line());
            assertEquals(line, text.substring(source.startOffset(), source.endOffset()));
        }
    }

    @Test
    void identicalPassagesAreStoredOnceWithEveryProvenance() throws Exception {
        Files.writeString(corpus.resolve("b.txt"), lines("alpha", 3));
        HashingEmbedder model = new HashingEmbedder("m1");
        IndexMetadata metadata = build(model);
        assertEquals(40, metadata.passages());
        assertEquals(43, metadata.passagesRead());
        try (LuceneCorpusIndex opened = open(index, model)) {
            String line = lines("alpha", 1).strip();
            List<Provenance> sources = opened.nearest(model.embedQuery(line).unit(), 1).get(0).sources();
            assertEquals(List.of("corpus/a.txt", "corpus/b.txt"), sources.stream().map(Provenance::source).toList());
        }
    }

    @Test
    void rebuildEmbedsOnlyPassagesItHasNotSeen() throws Exception {
        HashingEmbedder model = new HashingEmbedder("m1");
        build(model);
        assertEquals(40, model.embeddedCount());
        Files.writeString(corpus.resolve("b.txt"), lines("beta", 25));
        IndexMetadata rebuilt = build(model);
        assertEquals(65, rebuilt.passages());
        assertEquals(25, rebuilt.embedded());
        assertEquals(65, model.embeddedCount(), "only the 25 new passages were embedded");
        String generation = Files.readString(index.resolve(IndexLayout.CURRENT));
        assertEquals(rebuilt, build(model), "an unchanged corpus gives back the current index");
        assertEquals(65, model.embeddedCount(), "an unchanged corpus embeds nothing");
        assertEquals(generation, Files.readString(index.resolve(IndexLayout.CURRENT)), "and writes nothing");
    }

    @Test
    void aBuildThatDiesLeavesThePreviousIndexAndTheNextRunResumes() throws Exception {
        HashingEmbedder model = new HashingEmbedder("m1");
        build(model);
        List<String> before = answers(model);
        Files.writeString(corpus.resolve("b.txt"), lines("beta", 600));
        HashingEmbedder dying = new HashingEmbedder("m1");
        dying.failAfter(300);
        assertThrows(NoveltyException.class, () -> build(dying));
        assertEquals(before, answers(model), "the previous index answers as before");
        assertEquals(40, LuceneCorpusIndex.readMetadata(index).passages());
        try (Stream<Path> leftovers = Files.list(index)) {
            assertFalse(leftovers.anyMatch(p -> p.getFileName().toString().endsWith(".tmp")),
                    "no partial generation left");
        }
        HashingEmbedder resumed = new HashingEmbedder("m1");
        IndexMetadata complete = build(resumed);
        assertEquals(640, complete.passages());
        assertEquals(600 - 256, resumed.embeddedCount(), "the first flushed chunk of 256 was not embedded again");
    }

    @Test
    void aCancelledBuildLeavesThePreviousIndex() throws Exception {
        HashingEmbedder model = new HashingEmbedder("m1");
        build(model);
        List<String> before = answers(model);
        Files.writeString(corpus.resolve("b.txt"), lines("beta", 50));
        CancelAfter cancel = new CancelAfter(20);
        assertThrows(CancelledException.class,
                () -> new IndexBuilder(model, IndexSettings.defaults()).build(List.of(corpus), index, cancel));
        assertEquals(before, answers(model));
    }

    @Test
    void aSecondBuildOfTheSameIndexIsRefusedWhileTheFirstRuns() throws Exception {
        java.util.concurrent.CountDownLatch embedding = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        HashingEmbedder blocking = new HashingEmbedder("m1") {
            @Override
            public List<io.noveltylens.core.embed.Embedding> embedPassages(List<String> texts, Progress progress)
                    throws NoveltyException {
                embedding.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return super.embedPassages(texts, progress);
            }
        };
        java.util.concurrent.FutureTask<IndexMetadata> first = new java.util.concurrent.FutureTask<>(
                () -> build(blocking));
        new Thread(first).start();
        embedding.await();
        NoveltyException refused = assertThrows(NoveltyException.class, () -> build(new HashingEmbedder("m1")));
        assertTrue(refused.getMessage().contains("Another build"), refused.getMessage());
        release.countDown();
        assertEquals(40, first.get().passages(), "the first build completes");
    }

    @Test
    void aCacheCompactionThatFailsAfterPublishingSaysTheNewIndexIsInUse() throws Exception {
        HashingEmbedder model = new HashingEmbedder("m1");
        Files.writeString(corpus.resolve("b.txt"), lines("beta", 25));
        build(model);
        Files.delete(corpus.resolve("b.txt"));
        // a folder where compaction writes its temporary copy: opening it for writing fails like a full disk
        Path cache = new IndexLayout(index).embeddingCache(model.fingerprint().onnxSha256());
        Files.createDirectory(cache.resolveSibling(cache.getFileName() + ".tmp"));

        NoveltyException failed = assertThrows(NoveltyException.class, () -> build(model));
        assertEquals(NoveltyException.Kind.IO, failed.kind());
        assertTrue(failed.getMessage().contains("is built and in use"), failed.getMessage());
        assertFalse(failed.getMessage().contains("previous index is unchanged"), failed.getMessage());
        try (LuceneCorpusIndex opened = open(index, model)) {
            assertEquals(40, opened.metadata().passages(), "the new index is the current one");
        }
        assertFalse(Files.exists(cache.resolveSibling(cache.getFileName() + ".tmp")), "the failed copy is removed");
        int embeddedBefore = model.embeddedCount();
        Files.writeString(corpus.resolve("c.txt"), lines("gamma", 5));
        assertEquals(5, build(model).embedded(), "the uncompacted cache still serves every kept passage");
        assertEquals(embeddedBefore + 5, model.embeddedCount());
    }

    @Test
    void refusesAnIndexBuiltByAnotherModelAndNamesIt() throws Exception {
        build(new HashingEmbedder("first-model"));
        NoveltyException refused = assertThrows(NoveltyException.class,
                () -> open(index, new HashingEmbedder("second-model")));
        assertEquals(NoveltyException.Kind.INDEX, refused.kind());
        assertTrue(refused.getMessage().contains("'first-model'"), refused.getMessage());
        assertTrue(refused.getMessage().contains("rebuild"), refused.getMessage());
    }

    @Test
    void aDamagedIndexIsReportedWithTheFix() throws Exception {
        HashingEmbedder model = new HashingEmbedder("m1");
        build(model);
        Path generation = new IndexLayout(index).currentGeneration().orElseThrow();
        List<Path> vectorFiles = new ArrayList<>();
        try (Stream<Path> files = Files.list(generation)) {
            files.filter(p -> p.getFileName().toString().endsWith(".vec")).forEach(vectorFiles::add);
        }
        assertFalse(vectorFiles.isEmpty());
        Path vectors = vectorFiles.get(0);
        Files.write(vectors, java.util.Arrays.copyOf(Files.readAllBytes(vectors), (int) Files.size(vectors) / 2));
        NoveltyException damaged = assertThrows(NoveltyException.class, () -> open(index, model));
        assertEquals(NoveltyException.Kind.INDEX, damaged.kind());
        assertTrue(damaged.getMessage().contains("Rebuild it"), damaged.getMessage());
        assertTrue(Files.exists(corpus.resolve("a.txt")), "the corpus sources are not touched");
    }

    @Test
    void refusesAnIndexOfAnotherFormatVersion() throws Exception {
        HashingEmbedder model = new HashingEmbedder("m1");
        build(model);
        Path json = new IndexLayout(index).currentGeneration().orElseThrow().resolve(IndexMetadata.FILE_NAME);
        Files.writeString(json, Files.readString(json).replace("\"formatVersion\": " + IndexMetadata.FORMAT_VERSION,
                "\"formatVersion\": 0"));
        NoveltyException refused = assertThrows(NoveltyException.class, () -> open(index, model));
        assertTrue(refused.getMessage().contains("format version 0"), refused.getMessage());
    }

    @Test
    void aMissingIndexIsNamedAndLeftToTheFrontEndToSayHowToBuildOne() {
        NoveltyException missing = assertThrows(NoveltyException.class,
                () -> open(dir.resolve("nowhere"), new HashingEmbedder("m1")));
        assertEquals(NoveltyException.Kind.INDEX, missing.kind());
        assertEquals(Optional.of(Remedy.BUILD_INDEX), missing.remedy());
        assertTrue(missing.getMessage().contains(dir.resolve("nowhere").toString()), missing.getMessage());
    }

    @Test
    void aCorpusWithoutPassagesIsRefusedWithTheReason() throws Exception {
        Files.delete(corpus.resolve("a.txt"));
        Files.write(corpus.resolve("image.txt"), new byte[] { 1, 0, 2, 0 });
        NoveltyException refused = assertThrows(NoveltyException.class, () -> build(new HashingEmbedder("m1")));
        assertEquals(NoveltyException.Kind.CORPUS, refused.kind());
        assertTrue(refused.getMessage().contains("binary"), refused.getMessage());
    }

    /** The top passage for a few probe texts: what "answers the same as before" compares. */
    private List<String> answers(HashingEmbedder model) throws NoveltyException {
        try (LuceneCorpusIndex opened = open(index, model)) {
            List<String> answers = new ArrayList<>();
            for (String probe : List.of("alpha passage number 3", "word4 and thing9", "item 33")) {
                answers.add(opened.nearest(model.embedQuery(probe).unit(), 1).get(0).text());
            }
            return answers;
        }
    }

    /** Cancels once a number of units has been reported. */
    private static final class CancelAfter implements Progress {
        private final int limit;
        private int done;

        CancelAfter(int limit) {
            this.limit = limit;
        }

        @Override
        public void begin(String task, int totalWork) {
        }

        @Override
        public void worked(int work) {
            done += work;
        }

        @Override
        public boolean isCanceled() {
            return done >= limit;
        }
    }
}
