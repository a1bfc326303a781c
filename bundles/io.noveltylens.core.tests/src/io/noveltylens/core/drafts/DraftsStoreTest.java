package io.noveltylens.core.drafts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.noveltylens.core.CancelledException;
import io.noveltylens.core.NoveltyException;
import io.noveltylens.core.Progress;
import io.noveltylens.core.corpus.Provenance;
import io.noveltylens.core.corpus.TextNormalization;
import io.noveltylens.core.index.HashingEmbedder;
import io.noveltylens.core.index.Neighbour;
import io.noveltylens.test.support.ExactSearch;
import io.noveltylens.test.support.TextLines;
import io.noveltylens.test.support.Vectors;

/**
 * The drafts store against what the test itself wrote: the files are built here from real sentences (Austen), so
 * the test knows every paragraph's text and offsets without the corpus reader; embeddings are counted by the
 * embedder; neighbours are checked against brute force over the paragraphs the test wrote.
 */
class DraftsStoreTest {

    private static final int FILES = 6;
    private static final int PARAGRAPHS = 8;

    @TempDir
    Path temp;

    private Path folder;
    private Path store;
    private List<String> sentences;
    /** Every paragraph the test wrote, by file: its text and offsets. */
    private final List<Written> written = new ArrayList<>();

    private record Written(Path file, String text, int start, int end) {
    }

    @BeforeEach
    void writeDrafts() throws IOException {
        folder = Files.createDirectories(temp.resolve("drafts"));
        store = temp.resolve("store");
        sentences = TextLines.read(Path.of("fixtures/austen-1500.txt.gz")).stream()
                .filter(line -> line.split(" ").length >= 8 && line.split(" ").length <= 60).distinct().toList();
        for (int f = 0; f < FILES; f++) {
            writeChapter(f, 0);
        }
    }

    /** Chapter {@code f}: {@link #PARAGRAPHS} paragraphs of two sentences, starting at sentence {@code shift}. */
    private Path writeChapter(int f, int shift) throws IOException {
        Path file = folder.resolve("chapter-" + f + ".md");
        written.removeIf(w -> w.file().equals(file));
        StringBuilder text = new StringBuilder();
        for (int p = 0; p < PARAGRAPHS; p++) {
            int s = 2 * (f * PARAGRAPHS + p) + shift;
            String paragraph = sentences.get(s) + "\n" + sentences.get(s + 1);
            written.add(new Written(file, paragraph, text.length(), text.length() + paragraph.length()));
            text.append(paragraph).append("\n\n");
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void anUpdateReadsAndEmbedsOnlyTheChangedFile() throws NoveltyException, IOException {
        HashingEmbedder embedder = new HashingEmbedder("m");
        try (DraftsStore drafts = DraftsStore.open(store, embedder)) {
            DraftsUpdate first = drafts.updateAll(folder, Progress.NONE);
            int paragraphs = FILES * PARAGRAPHS;
            assertEquals(FILES, first.filesRead());
            assertEquals(paragraphs, first.passagesEmbedded());
            assertEquals(first.passagesEmbedded(), embedder.embeddedCount());

            // the first paragraph of chapter 2 rewritten
            Path changed = folder.resolve("chapter-2.md");
            String text = Files.readString(changed);
            Files.writeString(changed, text.replace(written.get(2 * PARAGRAPHS).text(), "A new opening, written "
                    + "today by the writer, about the weather in Bath and the visitors it brought."));
            int before = embedder.embeddedCount();
            DraftsUpdate second = drafts.update(folder, List.of(changed), Progress.NONE);
            assertEquals(1, second.filesRead());
            assertEquals(1, second.passagesEmbedded());
            assertEquals(before + 1, embedder.embeddedCount());

            // nothing changed: every file is digested, none read, nothing embedded
            DraftsUpdate third = drafts.updateAll(folder, Progress.NONE);
            assertEquals(0, third.filesRead());
            assertEquals(0, third.passagesEmbedded());
            assertEquals(before + 1, embedder.embeddedCount());
        }
    }

    @Test
    void reopeningEmbedsNothingAndAnswersAsBefore() throws NoveltyException {
        float[] query = new HashingEmbedder("m").embedQuery(sentences.get(sentences.size() - 1)).unit();
        List<Neighbour> before;
        try (DraftsStore drafts = DraftsStore.open(store, new HashingEmbedder("m"))) {
            drafts.updateAll(folder, Progress.NONE);
            before = drafts.nearest(query, 5, AnalysedPassage.text(""));
        }
        HashingEmbedder counting = new HashingEmbedder("m");
        try (DraftsStore drafts = DraftsStore.open(store, counting)) {
            assertEquals(before, drafts.nearest(query, 5, AnalysedPassage.text("")));
            DraftsUpdate update = drafts.updateAll(folder, Progress.NONE);
            assertEquals(0, update.filesRead());
            assertEquals(0, counting.embeddedCount());
        }
    }

    @Test
    void aDeletedFileLeavesTheStore() throws NoveltyException, IOException {
        try (DraftsStore drafts = DraftsStore.open(store, new HashingEmbedder("m"))) {
            drafts.updateAll(folder, Progress.NONE);
            int size = drafts.size();
            Path deleted = folder.resolve("chapter-3.md");
            Files.delete(deleted);
            DraftsUpdate update = drafts.update(folder, List.of(deleted), Progress.NONE);
            assertEquals(1, update.filesDropped());
            assertEquals(size - PARAGRAPHS, drafts.size());
            for (Written paragraph : written) {
                float[] query = new HashingEmbedder("m").embedQuery(paragraph.text()).unit();
                for (Neighbour neighbour : drafts.nearest(query, 10, AnalysedPassage.text(""))) {
                    assertFalse(neighbour.sources().stream().anyMatch(p -> p.source().equals(deleted.toString())),
                            neighbour.toString());
                }
            }
        }
    }

    @Test
    void neighboursAreTheBruteForceNearestWithTheirPlacesInTheFiles() throws NoveltyException, IOException {
        HashingEmbedder model = new HashingEmbedder("m");
        float[][] vectors = new float[written.size()][];
        for (int i = 0; i < written.size(); i++) {
            vectors[i] = model.embedQuery(TextNormalization.collapseWhitespace(written.get(i).text())).unit();
        }
        try (DraftsStore drafts = DraftsStore.open(store, model)) {
            drafts.updateAll(folder, Progress.NONE);
            for (int q = 0; q < 20; q++) {
                float[] query = model.embedQuery(sentences.get(sentences.size() - 2 - q)).unit();
                List<Neighbour> nearest = drafts.nearest(query, 5, AnalysedPassage.text(""));
                int[] expected = ExactSearch.topK(vectors, query, 5);
                for (int r = 0; r < 5; r++) {
                    Written oracle = written.get(expected[r]);
                    Neighbour neighbour = nearest.get(r);
                    assertEquals(TextNormalization.collapseWhitespace(oracle.text()), neighbour.text());
                    Provenance place = neighbour.sources().get(0);
                    assertEquals(oracle.file().toString(), place.source());
                    assertEquals(oracle.start(), place.startOffset());
                    assertEquals(oracle.end(), place.endOffset());
                    assertEquals(Vectors.dot(vectors[expected[r]], query), neighbour.cosine(), 1e-6);
                }
            }
        }
    }

    @Test
    void theAnalysedPassageIsNotItsOwnNeighbour() throws NoveltyException {
        HashingEmbedder model = new HashingEmbedder("m");
        try (DraftsStore drafts = DraftsStore.open(store, model)) {
            drafts.updateAll(folder, Progress.NONE);
            Written paragraph = written.get(13);
            String own = TextNormalization.collapseWhitespace(paragraph.text());
            float[] query = model.embedQuery(own).unit();
            // asked as unrelated text, the paragraph itself is the nearest: the exclusions below are what remove it
            assertEquals(own, drafts.nearest(query, 1, AnalysedPassage.text("")).get(0).text());
            // by its text, wherever it is
            assertFalse(texts(drafts.nearest(query, 10, AnalysedPassage.text(paragraph.text()))).contains(own));
            // by its place: the writer selected part of it and typed a word that is not saved yet
            AnalysedPassage edited = new AnalysedPassage(paragraph.file(), paragraph.start() + 5, paragraph.end() - 5,
                    paragraph.text().substring(5, paragraph.text().length() - 5) + " indeed");
            assertFalse(texts(drafts.nearest(query, 10, edited)).contains(own));
            // the same range in another file does not exclude it
            AnalysedPassage elsewhere = new AnalysedPassage(folder.resolve("notes.md"), paragraph.start(),
                    paragraph.end(), "something else");
            assertEquals(own, drafts.nearest(query, 1, elsewhere).get(0).text());
        }
    }

    private static Set<String> texts(List<Neighbour> neighbours) {
        return neighbours.stream().map(Neighbour::text).collect(Collectors.toSet());
    }

    @Test
    void aCancelledUpdateKeepsThePreviousStoreAndTheEmbeddingsItComputed() throws NoveltyException, IOException {
        int before;
        try (DraftsStore drafts = DraftsStore.open(store, new HashingEmbedder("m"))) {
            drafts.updateAll(folder, Progress.NONE);
            before = drafts.size();
        }
        int paragraphs = 150;
        StringBuilder longer = new StringBuilder();
        for (int p = 0; p < paragraphs; p++) {
            longer.append(sentences.get(400 + 2 * p)).append(' ').append(sentences.get(401 + 2 * p)).append("\n\n");
        }
        Files.writeString(folder.resolve("long.txt"), longer);
        try (DraftsStore drafts = DraftsStore.open(store, new HashingEmbedder("m"))) {
            // polled once a file read, once a chunk and once a text: stops inside the second chunk of texts
            AtomicInteger polls = new AtomicInteger();
            assertThrows(CancelledException.class,
                    () -> drafts.updateAll(folder, Progress.cancelledWhen(() -> polls.incrementAndGet() > 80)));
            assertEquals(before, drafts.size());
        }
        HashingEmbedder counting = new HashingEmbedder("m");
        try (DraftsStore drafts = DraftsStore.open(store, counting)) {
            assertEquals(before, drafts.size(), "the store as it was before the cancelled update");
            DraftsUpdate update = drafts.updateAll(folder, Progress.NONE);
            assertTrue(update.passagesEmbedded() > 0 && update.passagesEmbedded() < paragraphs,
                    "resumed after the chunks stored: " + update);
            assertEquals(before + paragraphs, drafts.size());
        }
    }
}
