package io.noveltylens.core.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.noveltylens.core.Progress;
import io.noveltylens.core.corpus.CorpusReadResult;
import io.noveltylens.core.corpus.CorpusReader;
import io.noveltylens.core.corpus.DistinctPassages;
import io.noveltylens.core.corpus.PassageSplitter;
import io.noveltylens.core.corpus.SentenceSplitter;

/**
 * The reference units against the leave-out rule written out by hand: every passage says which source and line it
 * is, so the passages a unit must not see can be listed from its text alone.
 */
class ReferenceUnitsTest {

    private static final Pattern MARKER = Pattern.compile("(Alpha|Beta) line (\\d+)");

    @TempDir
    Path dir;

    @Test
    void everyUnitLeavesOutItsOwnPassagesAndTwoOnEachSideOfThemInItsSourceOnly() throws Exception {
        Path corpus = Files.createDirectories(dir.resolve("corpus"));
        Files.writeString(corpus.resolve("a.txt"), lines("Alpha", 30), StandardCharsets.UTF_8);
        Files.writeString(corpus.resolve("b.txt"), lines("Beta", 12), StandardCharsets.UTF_8);
        Path scratch = Files.createDirectories(dir.resolve("scratch"));
        try (CorpusReadResult read = new CorpusReader(new PassageSplitter(150), 1 << 20).read(List.of(corpus), scratch,
                Progress.NONE)) {
            DistinctPassages passages = read.passages();
            List<String> texts = new ArrayList<>();
            try (DistinctPassages.Cursor cursor = passages.cursor()) {
                for (List<String> batch = cursor.nextTexts(100); !batch.isEmpty(); batch = cursor.nextTexts(100)) {
                    texts.addAll(batch);
                }
            }
            List<ReferenceUnit> units = ReferenceUnits.draw(passages, 20, 3);
            assertEquals(60, units.size(), "20 of each kind from 42 passages");
            int joined = 0;
            for (ReferenceUnit unit : units) {
                Set<String> own = markers(unit.text());
                String source = own.iterator().next().split(" ")[0];
                int first = own.stream().mapToInt(ReferenceUnitsTest::line).min().orElseThrow();
                int last = own.stream().mapToInt(ReferenceUnitsTest::line).max().orElseThrow();
                assertEquals(own.size(), last - first + 1, "consecutive passages: " + unit.text());
                joined += own.size() == ReferenceUnits.JOINED ? 1 : 0;
                Set<Integer> expected = new TreeSet<>();
                for (int ordinal = 0; ordinal < texts.size(); ordinal++) {
                    String marker = markers(texts.get(ordinal)).iterator().next();
                    int line = line(marker);
                    if (marker.startsWith(source) && line >= first - ReferenceUnits.WINDOW
                            && line <= last + ReferenceUnits.WINDOW) {
                        expected.add(ordinal);
                    }
                }
                Set<Integer> actual = new TreeSet<>();
                for (int ordinal : unit.leftOut()) {
                    actual.add(ordinal);
                }
                assertEquals(expected, actual, unit.text());
                assertEquals(SentenceSplitter.sentences(unit.text()).size() == 1, unit.oneSentence(), unit.text());
                assertEquals(Words.count(unit.text()), unit.words());
            }
            assertEquals(20, joined, "the joined units");
            assertTrue(units.stream().filter(ReferenceUnit::oneSentence).count() >= 20, "the sentences");
            List<String> again = ReferenceUnits.draw(passages, 20, 3).stream().map(ReferenceUnit::text).toList();
            assertEquals(units.stream().map(ReferenceUnit::text).toList(), again, "the same corpus, the same units");
        }
    }

    /** One passage a line, each of two sentences that both name its source and line. */
    private static String lines(String source, int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append(source).append(" line ").append(i).append(" opens with a few plain words. The ")
                    .append(source).append(" line ").append(i).append(" closes with some more of them.\n");
        }
        return text.toString();
    }

    private static Set<String> markers(String text) {
        Set<String> markers = new TreeSet<>();
        Matcher matcher = MARKER.matcher(text);
        while (matcher.find()) {
            markers.add(matcher.group(1) + " " + matcher.group(2));
        }
        return markers;
    }

    private static int line(String marker) {
        return Integer.parseInt(marker.split(" ")[1]);
    }
}
