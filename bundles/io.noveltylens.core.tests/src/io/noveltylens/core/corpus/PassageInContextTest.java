package io.noveltylens.core.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.noveltylens.core.NoveltyException;
import io.noveltylens.core.index.IndexSettings;
import io.noveltylens.test.support.TextLines;

/**
 * A passage with its neighbours in the source. Oracle: the shipped corpus holds one passage a line, cut only when it
 * is over the splitter's 150 words, so around a short line between short lines the passages before and after are the
 * lines before and after.
 */
class PassageInContextTest {

    private static final Path MOBY_DICK = Path.of("../io.noveltylens.corpus.default/corpus/mobydick.txt.gz");
    private final CorpusReader reader = new CorpusReader(
            new PassageSplitter(IndexSettings.defaults().maxPassageWords()), IndexSettings.defaults().maxFileBytes());

    @Test
    void thePassagesBeforeAndAfterAreTheSourcesLinesAroundIt() throws Exception {
        List<String> lines = TextLines.read(MOBY_DICK);
        List<Passage> passages = reader.passages(MOBY_DICK, new ArrayList<>());
        List<Integer> checked = new ArrayList<>();
        for (int line = 100; line + 1 < lines.size() && checked.size() < 3; line += 97) {
            if (!onePassage(lines.get(line - 1)) || !onePassage(lines.get(line)) || !onePassage(lines.get(line + 1))) {
                continue;
            }
            checked.add(line);
            int first = line + 1;
            Passage passage = passages.stream().filter(p -> p.provenance().line() == first).findFirst()
                    .orElseThrow();

            PassageInContext context = PassageInContext.read(reader, MOBY_DICK, passage.provenance());

            assertEquals(lines.get(line), context.passage().text());
            assertEquals(lines.get(line - 1), context.before());
            assertEquals(lines.get(line + 1), context.after());
        }
        assertEquals(3, checked.size(), "three lines checked: " + checked);
    }

    /** A line the splitter keeps whole: well under its 150 words, and not blank. */
    private static boolean onePassage(String line) {
        return !line.isBlank() && line.strip().split("\\s+").length < IndexSettings.defaults().maxPassageWords() / 2;
    }

    @Test
    void theEndsOfASourceHaveNoContextAndAChangedSourceIsNamed(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("notes.txt");
        Files.writeString(file, "First passage here.\n\nSecond passage here.\n", StandardCharsets.UTF_8);
        List<Passage> passages = reader.passages(file, new ArrayList<>());
        PassageInContext first = PassageInContext.read(reader, file, passages.get(0).provenance());
        assertEquals("", first.before());
        assertEquals("Second passage here.", first.after());
        PassageInContext last = PassageInContext.read(reader, file, passages.get(1).provenance());
        assertEquals("First passage here.", last.before());
        assertEquals("", last.after());

        Files.writeString(file, "Rewritten since the index was built.\n", StandardCharsets.UTF_8);
        NoveltyException moved = assertThrows(NoveltyException.class,
                () -> PassageInContext.read(reader, file, passages.get(1).provenance()));
        assertTrue(moved.getMessage().contains("notes.txt") && moved.getMessage().contains("Rebuild the index"),
                moved.getMessage());
    }
}
