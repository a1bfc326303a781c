package io.noveltylens.core.compare;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import io.noveltylens.core.CancelledException;
import io.noveltylens.core.Progress;
import io.noveltylens.core.analysis.PrincipalPlane;
import io.noveltylens.core.analysis.RealCorpusEngine;
import io.noveltylens.core.engine.NoveltyEngine;
import io.noveltylens.core.exclude.Exclusions;

/**
 * A comparison cancelled in its second group, its first group's files then edited and one deleted, and run again
 * with its results files resumed. The oracle is an uninterrupted comparison over the groups as they are then, its
 * scores kept in memory from the reports (not read back from a file): the resumed run must give the same scores,
 * in the same order, having scored only the passages that no record of the cancelled run still describes (a record
 * describes a passage when its text stands at its offsets in its source file now).
 */
class GroupScorerResumeTest {

    @Test
    void aCancelledComparisonResumedGivesTheScoresOfAnUninterruptedOneScoringEachPassageOnce(@TempDir Path dir)
            throws Exception {
        List<String> austen = RealCorpusEngine.austen(10);
        Path a = Files.createDirectories(dir.resolve("a"));
        Path b = Files.createDirectories(dir.resolve("b"));
        Files.writeString(a.resolve("a1.txt"), paragraphs(austen.subList(0, 3)));
        Files.writeString(a.resolve("a2.txt"), paragraphs(austen.subList(3, 5)));
        Files.writeString(b.resolve("b1.txt"), paragraphs(austen.subList(5, 7)));
        Files.writeString(b.resolve("b2.txt"), paragraphs(austen.subList(7, 9)));
        List<Group> groups = List.of(new Group("first", List.of(a)), new Group("second", List.of(b)));
        NoveltyEngine engine = RealCorpusEngine.get();
        GroupScorer scorer = new GroupScorer(engine, Exclusions.DEFAULT);
        PrincipalPlane plane = scorer.plane();
        GroupFiles files = new GroupFiles(dir.resolve("results"), GroupFiles.Rerun.RESUME, false);
        Path second = files.resultsFile(groups.get(1));
        // cancelled once the second group's first file is on disk, while its second file is scored
        Progress cancelInSecondGroup = Progress.cancelledWhen(() -> lines(second) > 2);
        assertThrows(CancelledException.class, () -> scorer.score(groups, plane, files, cancelInSecondGroup));
        List<JsonObject> cancelled = records(files.resultsFile(groups.get(0)));
        cancelled.addAll(records(second));
        assertEquals(5 + 2, cancelled.size(), "the first group and the second's first file");

        Path a1 = a.resolve("a1.txt");
        Files.writeString(a1, Files.readString(a1).replace(austen.get(1), austen.get(9)));
        Files.delete(a.resolve("a2.txt"));
        long stillDescribed = cancelled.stream().filter(GroupScorerResumeTest::describesAPassageNow).count();
        List<GroupScores> uninterrupted = scorer.score(groups, plane, null, Progress.NONE);
        int passagesNow = uninterrupted.stream().mapToInt(g -> g.passages().size()).sum();
        assertTrue(stillDescribed > 0 && stillDescribed < cancelled.size(), "good and stale records: "
                + stillDescribed);

        List<GroupScores> resumed = scorer.score(groups, plane, files, Progress.NONE);

        assertEquals(passagesNow - stillDescribed, resumed.stream().mapToInt(g -> g.summary().passages()).sum(),
                "analyses: only the passages no earlier record describes");
        assertEquals(stillDescribed, resumed.stream().mapToInt(g -> g.summary().resumed()).sum());
        for (int g = 0; g < groups.size(); g++) {
            List<PassageScore> expected = uninterrupted.get(g).passages();
            List<PassageScore> actual = resumed.get(g).passages();
            assertEquals(expected.size(), actual.size(), groups.get(g).name());
            for (int p = 0; p < expected.size(); p++) {
                PassageScore want = expected.get(p);
                PassageScore got = actual.get(p);
                assertEquals(want.provenance(), got.provenance());
                assertArrayEquals(want.readouts(), got.readouts(), got.provenance().toString());
                assertEquals(want.curve(), got.curve(), got.provenance().toString());
                assertEquals(want.x(), got.x());
                assertEquals(want.y(), got.y());
            }
        }
    }

    private static String paragraphs(List<String> texts) {
        return String.join("\n\n", texts) + "\n";
    }

    /** Whether the record's text stands at its offsets in its source file as it is now. */
    private static boolean describesAPassageNow(JsonObject record) {
        JsonObject source = record.getAsJsonObject("source");
        Path file = Path.of(source.get("source").getAsString());
        try {
            String now = Files.readString(file);
            int start = source.get("start").getAsInt();
            int end = source.get("end").getAsInt();
            return end <= now.length() && now.substring(start, end).equals(record.get("text").getAsString());
        } catch (java.nio.file.NoSuchFileException e) {
            return false;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static long lines(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.readAllLines(file).size() : 0;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The records of a results file, its header line left out. */
    private static List<JsonObject> records(Path file) throws Exception {
        List<String> lines = Files.readAllLines(file);
        return new java.util.ArrayList<>(lines.subList(1, lines.size()).stream()
                .map(line -> JsonParser.parseString(line).getAsJsonObject()).toList());
    }
}
