package io.noveltylens.core.annotate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.noveltylens.core.CancelledException;
import io.noveltylens.core.Progress;
import io.noveltylens.core.analysis.RealCorpusEngine;
import io.noveltylens.core.corpus.Provenance;
import io.noveltylens.core.corpus.TextNormalization;

class CorpusAnnotatorTest {

    private static final String NOVEL = "Submarine cables carry most of the world's internet traffic across the ocean floor.";

    @Test
    void everyOccurrenceOfARepeatedPassageIsAResultWithItsOwnPlace(@TempDir Path dir) throws Exception {
        String austen = shortAustenParagraph();
        Files.writeString(dir.resolve("a.txt"), austen + "\n\n" + NOVEL + "\n\n" + austen + "\n");
        Files.writeString(dir.resolve("b.txt"), "\n" + austen + "\n");
        List<AnnotatedPassage> results = new ArrayList<>();

        AnnotationSummary summary = new CorpusAnnotator(RealCorpusEngine.get(), false).annotate(List.of(dir),
                Progress.NONE, results::add);

        assertEquals(2, summary.files());
        assertEquals(4, summary.passages());
        assertEquals(4, results.size(), "three copies of the Austen paragraph and one new sentence");
        List<AnnotatedPassage> copies = results.stream().filter(r -> r.report().text().equals(austen)).toList();
        assertEquals(3, copies.size());
        assertEquals(3, copies.stream().map(AnnotatedPassage::provenance).distinct().count(),
                "each copy has its own place");
        for (AnnotatedPassage result : results) {
            Provenance place = result.provenance();
            String inFile = Files.readString(Path.of(place.source())).substring(place.startOffset(), place.endOffset());
            assertEquals(result.report().text(), TextNormalization.collapseWhitespace(inFile),
                    "offsets point at the passage");
            assertNull(result.report().hull(), "fast readouts only unless asked");
        }
        assertTrue(copies.get(0).report().neighbours().get(0).cosine() > 0.99, "the corpus holds the paragraph");
        assertEquals(Path.of(copies.get(2).provenance().source()).getFileName().toString(), "b.txt");
        assertEquals(2, copies.get(2).provenance().line());
    }

    @Test
    void cancellingStopsWithinOnePassage(@TempDir Path dir) throws Exception {
        Files.write(dir.resolve("austen.txt"), RealCorpusEngine.austen(20));
        AtomicBoolean cancelled = new AtomicBoolean();
        List<AnnotatedPassage> results = new ArrayList<>();

        assertThrows(CancelledException.class, () -> new CorpusAnnotator(RealCorpusEngine.get(), false)
                .annotate(List.of(dir), Progress.cancelledWhen(cancelled::get), passage -> {
                    results.add(passage);
                    cancelled.set(true);
                }));

        assertEquals(1, results.size(), "no passage is scored after the cancel");
    }

    @Test
    void hullReadoutsOnRequest(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("one.txt"), NOVEL + "\n");
        List<AnnotatedPassage> results = new ArrayList<>();

        new CorpusAnnotator(RealCorpusEngine.get(), true).annotate(List.of(dir), Progress.NONE, results::add);

        assertEquals(1, results.size());
        assertNotNull(results.get(0).report().hull());
    }

    /** A one-sentence Austen paragraph of the corpus, short enough to stay one passage. */
    private static String shortAustenParagraph() throws Exception {
        return RealCorpusEngine.austen(200).stream().map(TextNormalization::collapseWhitespace)
                .filter(line -> line.split(" ").length >= 12 && line.split(" ").length <= 40).findFirst().orElseThrow();
    }

}
