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
import io.noveltylens.core.analysis.NoveltyReport;
import io.noveltylens.core.analysis.RealCorpusEngine;
import io.noveltylens.core.corpus.Provenance;
import io.noveltylens.core.corpus.TextNormalization;
import io.noveltylens.core.exclude.Exclusion;
import io.noveltylens.core.exclude.Exclusions;

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

    /**
     * Exclusions as the Novelty view applies them to a selection, here to each passage as read (its lines intact).
     * Oracle: the prose passage as a writer would strip it by hand, analysed without exclusions; the code block and
     * the block quote leave nothing to score and are reported as left out, not scored as empty.
     */
    @Test
    void exclusionsLeaveOutWhatTheViewLeavesOutAndPassagesLeftOutWhollyAreReported(@TempDir Path dir)
            throws Exception {
        String prose = "His son was sent for as soon as his **danger** was known, and to him Mr.\n"
                + "Dashwood recommended *the interest of his mother* (Austen, 1811).";
        String byHand = "His son was sent for as soon as his danger was known, and to him Mr. "
                + "Dashwood recommended the interest of his mother .";
        String code = "```\nint x = 1;\nint y = 2;\n```";
        String quote = "> A quoted paragraph of someone else's words,\n> kept out of the analysis.";
        Path file = dir.resolve("notes.md");
        Files.writeString(file, code + "\n\n" + prose + "\n\n" + quote + "\n");
        // no blank line: the reader cuts it into lines, and only the whole file shows that two of them are code
        Path lines = dir.resolve("zlines.md");
        Files.writeString(lines, "```\nmake all && make install now\nrm -rf build and echo done here\n```\n" + NOVEL
                + "\n");
        List<AnnotatedPassage> results = new ArrayList<>();

        AnnotationSummary summary = new CorpusAnnotator(RealCorpusEngine.get(), false,
                Exclusions.DEFAULT.with(Exclusion.QUOTATIONS)).annotate(List.of(dir), Progress.NONE, results::add);

        assertEquals(2, results.size());
        NoveltyReport excluded = results.get(0).report();
        NoveltyReport oracle = RealCorpusEngine.get().analyze(byHand, Progress.NONE);
        assertEquals(TextNormalization.collapseWhitespace(prose), excluded.text());
        assertEquals(oracle.density().percentile(), excluded.density().percentile(), 1e-9);
        assertEquals(oracle.neighbours().get(0).cosine(), excluded.neighbours().get(0).cosine(), 1e-6);
        assertEquals(List.of("**", "**", "*", "*", "(Austen, 1811)"),
                excluded.excluded().stream().map(range -> range.span().of(excluded.text())).toList());
        assertEquals(NOVEL, results.get(1).report().text());
        assertEquals(List.of(), results.get(1).report().excluded());
        assertEquals(2, summary.passages());
        assertEquals(List.of(file + ":1", file + ":9", lines + ":2", lines + ":3"),
                summary.leftOut().stream().map(place -> place.source() + ":" + place.line()).toList(),
                "the code block, the block quote and the two lines of code");
    }

    /** A one-sentence Austen paragraph of the corpus, short enough to stay one passage. */
    private static String shortAustenParagraph() throws Exception {
        return RealCorpusEngine.austen(200).stream().map(TextNormalization::collapseWhitespace)
                .filter(line -> line.split(" ").length >= 12 && line.split(" ").length <= 40).findFirst().orElseThrow();
    }

}
