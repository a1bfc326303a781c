package io.noveltylens.core.annotate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import io.noveltylens.core.CancelledException;
import io.noveltylens.core.NoveltyException;
import io.noveltylens.core.Progress;
import io.noveltylens.core.analysis.RealCorpusEngine;
import io.noveltylens.core.engine.NoveltyEngine;
import io.noveltylens.core.exclude.Exclusions;

/**
 * A results file streamed by an annotation run and resumed by a rerun. The oracle is an uninterrupted run of the same
 * annotator over the same files: a run cancelled and resumed must end with the same records (timings aside), having
 * scored every passage exactly once.
 */
class ResultsFileTest {

    private static final int FILES = 3;
    private static final int PASSAGES_PER_FILE = 4;

    @TempDir
    static Path corpus;
    private static ResultsHeader header;
    private static List<String> uninterrupted;

    @BeforeAll
    static void uninterruptedRun(@TempDir Path out) throws Exception {
        List<String> austen = RealCorpusEngine.austen(FILES * PASSAGES_PER_FILE);
        for (int f = 0; f < FILES; f++) {
            Files.writeString(corpus.resolve("part" + f + ".txt"),
                    String.join("\n\n", austen.subList(f * PASSAGES_PER_FILE, (f + 1) * PASSAGES_PER_FILE)) + "\n");
        }
        header = ResultsHeader.of(engine(), false, Exclusions.DEFAULT);
        Path file = out.resolve("whole.jsonl");
        try (ResultsFile results = ResultsFile.create(file, header)) {
            new CorpusAnnotator(engine(), false, Exclusions.DEFAULT).annotate(List.of(corpus), Progress.NONE, results);
        }
        uninterrupted = records(file);
        assertEquals(FILES * PASSAGES_PER_FILE, uninterrupted.size());
    }

    @Test
    void aCancelledRunResumedEndsWithTheUninterruptedRunsRecordsScoringEachPassageOnce(@TempDir Path out)
            throws Exception {
        Path file = out.resolve("run.jsonl");
        int cancelAfter = PASSAGES_PER_FILE + 2; // in the middle of the second file
        AtomicInteger firstRun = new AtomicInteger();
        try (ResultsFile results = ResultsFile.create(file, header)) {
            assertThrows(CancelledException.class,
                    () -> annotator().annotate(List.of(corpus),
                            Progress.cancelledWhen(() -> firstRun.get() >= cancelAfter),
                            counting(results, firstRun, new HashSet<>())));
        }
        assertEquals(cancelAfter, records(file).size(), "every passage finished before the cancel is kept");

        AtomicInteger secondRun = new AtomicInteger();
        Set<PassageKey> scoredAgain = new HashSet<>();
        List<ResultRow> earlier = new ArrayList<>();
        AnnotationSummary summary;
        try (ResultsFile results = ResultsFile.resume(file, header, earlier::add)) {
            summary = annotator().annotate(List.of(corpus), results::resumes, Progress.NONE,
                    counting(results, secondRun, scoredAgain));
            for (PassageKey key : scoredAgain) {
                assertTrue(!results.finished().contains(key), "scored twice: " + key);
            }
        }

        assertEquals(cancelAfter, earlier.size());
        assertEquals(FILES * PASSAGES_PER_FILE - cancelAfter, secondRun.get(), "the rest, and only the rest");
        assertEquals(cancelAfter, summary.resumed());
        assertEquals(uninterrupted, records(file));
    }

    /**
     * Between a cancelled run and its resumption one file is edited (a passage changed, which moves the passages after
     * it) and another, partly annotated, is deleted: the resumed run must end with exactly the records of a fresh run
     * over the folder as it is now, in its order, and score only the passages no record of the first run describes.
     */
    @Test
    void aResumedRunOverEditedAndDeletedFilesEndsWithTheRecordsOfAFreshRunOverThemNow(@TempDir Path out,
            @TempDir Path sources) throws Exception {
        List<String> austen = RealCorpusEngine.austen(FILES * PASSAGES_PER_FILE + 1);
        for (int f = 0; f < FILES; f++) {
            Files.writeString(sources.resolve("part" + f + ".txt"),
                    String.join("\n\n", austen.subList(f * PASSAGES_PER_FILE, (f + 1) * PASSAGES_PER_FILE)) + "\n");
        }
        Path file = out.resolve("run.jsonl");
        int cancelAfter = PASSAGES_PER_FILE + 2; // in the middle of the second file
        AtomicInteger firstRun = new AtomicInteger();
        try (ResultsFile results = ResultsFile.create(file, header)) {
            assertThrows(CancelledException.class,
                    () -> annotator().annotate(List.of(sources),
                            Progress.cancelledWhen(() -> firstRun.get() >= cancelAfter),
                            counting(results, firstRun, new HashSet<>())));
        }
        List<String> cancelled = records(file);
        Path edited = sources.resolve("part0.txt");
        Files.writeString(edited,
                Files.readString(edited).replace(austen.get(1), austen.get(FILES * PASSAGES_PER_FILE)));
        Files.delete(sources.resolve("part1.txt"));
        Path fresh = out.resolve("fresh.jsonl");
        try (ResultsFile results = ResultsFile.create(fresh, header)) {
            annotator().annotate(List.of(sources), Progress.NONE, results);
            assertEquals(0, results.complete(), "a fresh run has nothing to drop");
        }
        List<String> now = records(fresh);
        Set<String> stale = new HashSet<>(cancelled);
        now.forEach(stale::remove);
        Set<String> kept = new HashSet<>(cancelled);
        kept.retainAll(new HashSet<>(now));
        assertTrue(stale.size() >= 3 && !kept.isEmpty(), "the edit and the deletion leave stale and good records");

        AtomicInteger secondRun = new AtomicInteger();
        int dropped;
        try (ResultsFile results = ResultsFile.resume(file, header, record -> {
        })) {
            annotator().annotate(List.of(sources), results::resumes, Progress.NONE,
                    counting(results, secondRun, new HashSet<>()));
            dropped = results.complete();
        }

        assertEquals(now, records(file), "the records of a fresh run, in its order");
        assertEquals(now.size() - kept.size(), secondRun.get(), "only the passages no earlier record describes");
        assertEquals(stale.size(), dropped);
        assertTrue(Files.readAllLines(file).get(0).equals(Files.readAllLines(fresh).get(0)), "the header is kept");
    }

    @Test
    void aLastLineCutShortByACrashIsDroppedAndItsPassageScoredAgain(@TempDir Path out) throws Exception {
        Path file = out.resolve("crashed.jsonl");
        try (ResultsFile results = ResultsFile.create(file, header)) {
            annotator().annotate(List.of(corpus), Progress.NONE, results);
        }
        byte[] whole = Files.readAllBytes(file);
        int lastLineStart = new String(whole, StandardCharsets.UTF_8).stripTrailing().lastIndexOf('\n') + 1;
        int cut = lastLineStart + (whole.length - lastLineStart) / 2;
        Files.write(file, java.util.Arrays.copyOf(whole, cut));

        AtomicInteger scored = new AtomicInteger();
        try (ResultsFile results = ResultsFile.resume(file, header, record -> {
        })) {
            assertEquals(FILES * PASSAGES_PER_FILE - 1, results.finished().size());
            annotator().annotate(List.of(corpus), results::resumes, Progress.NONE,
                    counting(results, scored, new HashSet<>()));
        }

        assertEquals(1, scored.get(), "only the passage whose line was cut");
        assertEquals(uninterrupted, records(file));
    }

    @Test
    void aFileOfAnotherRunIsRefusedSayingWhatDiffersAndLeftAsItWas(@TempDir Path out) throws Exception {
        Path file = out.resolve("other.jsonl");
        ResultsHeader otherCorpus = new ResultsHeader(header.format(), header.model(), header.modelSha256(),
                "2020-01-01T00:00:00Z", 12, header.hull(), header.exclude(), header.hullBudgetMillis());
        try (ResultsFile results = ResultsFile.create(file, otherCorpus)) {
            annotator().annotate(List.of(corpus), Progress.NONE, results);
        }
        byte[] before = Files.readAllBytes(file);

        NoveltyException refused = assertThrows(NoveltyException.class,
                () -> ResultsFile.resume(file, header, record -> {
                }));

        assertEquals(NoveltyException.Kind.BAD_INPUT, refused.kind());
        assertTrue(refused.getMessage().contains("another annotation run"), refused.getMessage());
        assertTrue(refused.getMessage().contains("corpus built: " + header.corpusBuiltAt() + " now, 2020-01-01"),
                refused.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file));

        ResultsHeader otherExclusions = new ResultsHeader(header.format(), header.model(), header.modelSha256(),
                header.corpusBuiltAt(), header.corpusPassages(), header.hull(), "none", header.hullBudgetMillis());
        NoveltyException alsoRefused = assertThrows(NoveltyException.class,
                () -> ResultsFile.resume(file, otherExclusions, record -> {
                }));
        assertTrue(alsoRefused.getMessage().contains("left out: none now"), alsoRefused.getMessage());
    }

    /**
     * The hull readouts a time budget leaves undetermined depend on the budget, so records of two budgets are not
     * comparable: a file written with another budget per passage, or by a version that did not record it, is refused
     * saying so and left as it was; the same budget resumes it, and without hull readouts the budget plays no part.
     */
    @Test
    void aFileOfAnotherHullBudgetIsRefusedSayingSoAndLeftAsItWas(@TempDir Path out) throws Exception {
        ResultsHeader engineHull = ResultsHeader.of(engine(), true, Exclusions.DEFAULT);
        assertEquals(2000, engineHull.hullBudgetMillis(), "the budget RealCorpusEngine opens its engine with");
        assertEquals(0, header.hullBudgetMillis(), "no budget without hull readouts");
        ResultsHeader threeSeconds = withBudget(engineHull, 3000);
        Path file = out.resolve("budget.jsonl");
        try (ResultsFile results = ResultsFile.create(file, threeSeconds)) {
            annotator().annotate(List.of(corpus), Progress.NONE, results);
        }
        byte[] before = Files.readAllBytes(file);

        NoveltyException refused = assertThrows(NoveltyException.class,
                () -> ResultsFile.resume(file, withBudget(engineHull, 1000), record -> {
                }));

        assertEquals(NoveltyException.Kind.BAD_INPUT, refused.kind());
        assertTrue(refused.getMessage().contains("hull budget per passage: 1000 ms now, 3000 ms in the file"),
                refused.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file));
        try (ResultsFile same = ResultsFile.resume(file, threeSeconds, record -> {
        })) {
            assertEquals(FILES * PASSAGES_PER_FILE, same.finished().size(), "the same budget resumes every record");
        }

        // a header written before the budget was recorded: unknown with hull readouts, irrelevant without
        Path older = out.resolve("older.jsonl");
        Files.write(older, withoutBudgetInHeader(before));
        NoveltyException unknown = assertThrows(NoveltyException.class,
                () -> ResultsFile.resume(older, threeSeconds, record -> {
                }));
        assertTrue(unknown.getMessage().contains("hull budget per passage: 3000 ms now, not recorded in the file"),
                unknown.getMessage());
        Path olderWithoutHull = out.resolve("older-without-hull.jsonl");
        Files.write(olderWithoutHull, withoutBudgetInHeader(
                new String(before, StandardCharsets.UTF_8).replaceFirst("\"hull\":true", "\"hull\":false")
                        .getBytes(StandardCharsets.UTF_8)));
        try (ResultsFile resumed = ResultsFile.resume(olderWithoutHull, header, record -> {
        })) {
            assertEquals(FILES * PASSAGES_PER_FILE, resumed.finished().size(), "resumed as before");
        }
    }

    private static ResultsHeader withBudget(ResultsHeader hull, long millis) {
        return new ResultsHeader(hull.format(), hull.model(), hull.modelSha256(), hull.corpusBuiltAt(),
                hull.corpusPassages(), true, hull.exclude(), millis);
    }

    /** The file with its header line as the code before the budget was recorded wrote it. */
    private static byte[] withoutBudgetInHeader(byte[] file) {
        String text = new String(file, StandardCharsets.UTF_8);
        int headerEnd = text.indexOf('\n');
        JsonObject header = JsonParser.parseString(text.substring(0, headerEnd)).getAsJsonObject();
        JsonObject fields = header.getAsJsonObject(ResultsHeader.KEY);
        assertTrue(fields.remove("hullBudgetMillis") != null, header.toString());
        return (header + text.substring(headerEnd)).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aFileThatIsNotAResultsFileIsRefusedAndLeftAsItWas(@TempDir Path out) throws Exception {
        Path file = out.resolve("export.jsonl");
        try (AnnotationFile export = AnnotationFile.create(file, AnnotationFormat.JSON_LINES)) {
            annotator().annotate(List.of(corpus), Progress.NONE, export);
            export.commit();
        }
        byte[] before = Files.readAllBytes(file);

        NoveltyException refused = assertThrows(NoveltyException.class,
                () -> ResultsFile.resume(file, header, record -> {
                }));

        assertTrue(refused.getMessage().contains("is not a Novelty Lens results file"), refused.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file));
    }

    private static CorpusAnnotator annotator() throws Exception {
        return new CorpusAnnotator(engine(), false, Exclusions.DEFAULT);
    }

    private static NoveltyEngine engine() throws Exception {
        return RealCorpusEngine.get();
    }

    /** Counts the passages scored (one analysis each) and remembers their keys. */
    private static AnnotationSink counting(ResultsFile results, AtomicInteger count, Set<PassageKey> keys) {
        return new AnnotationSink() {
            @Override
            public void accept(AnnotatedPassage passage) throws NoveltyException {
                keys.add(PassageKey.of(passage.provenance(), passage.report().text()));
                results.accept(passage);
                count.incrementAndGet();
            }

            @Override
            public void fileDone() throws NoveltyException {
                results.fileDone();
            }
        };
    }

    /** The records after the header line, without their timings (the only fields that differ between two runs). */
    private static List<String> records(Path file) throws Exception {
        List<String> lines = Files.readAllLines(file);
        assertTrue(JsonParser.parseString(lines.get(0)).getAsJsonObject().has(ResultsHeader.KEY));
        List<String> records = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            JsonObject record = JsonParser.parseString(line).getAsJsonObject();
            record.remove("fastMillis");
            records.add(record.toString());
        }
        return records;
    }
}
