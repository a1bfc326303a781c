package io.noveltylens.core.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The streaming reader keeps exactly the passages the whole-file, whole-corpus reading kept ({@link WholeFileReading},
 * the code it replaced): the same distinct texts in the same order, the same content hashes, and for each the
 * provenance of every copy in reading order, first occurrence first.
 */
class StreamingReaderOracleTest {

    @TempDir
    Path dir;

    @Test
    void theShippedCorporaAndTheTextFixturesReadAsTheyDidWhole() throws Exception {
        // the text fixtures, not the index fixtures in its subfolders
        List<Path> roots = new ArrayList<>(List.of(Path.of("../io.noveltylens.corpus.default/corpus")));
        try (Stream<Path> fixtures = Files.list(Path.of("fixtures"))) {
            fixtures.filter(Files::isRegularFile).sorted().forEach(roots::add);
        }
        PassageSplitter splitter = new PassageSplitter(150);
        assertReadsAsWhole(new CorpusReader(splitter, 256L << 20), splitter, roots, 60_000);
    }

    @Test
    void layoutsEncodingsLineBreaksAndCopiesAcrossFilesReadAsTheyDidWhole() throws Exception {
        write("a-notes.md", "\n# Notes on the garden\r\n\r\nThe apple trees stand in rows. They were planted in spring."
                + " Each row faces the south wall.\r\nThe pears came later and grow slowly.\r\n  \r\n"
                + "The apple trees   stand in rows.\r\n\r\n\r\nA last paragraph without a final line break");
        write("b-lines.txt", "The apple trees stand in rows.\nold mac carriage\rreturns end these lines too\r\n"
                + "  indented line with words\nno final line break here");
        write("c-blank-last.txt", "first line of words\nsecond line of words\n\n");
        write("d-blank-first.txt", "   \nonly the first line is blank\nso this is read by lines\n");
        Files.write(dir.resolve("e-utf16.txt"), bytes(new byte[] { (byte) 0xFF, (byte) 0xFE },
                "a passage saved as UTF-16\n\nand a second one, with é and 漢字\n".getBytes(StandardCharsets.UTF_16LE)));
        Files.write(dir.resolve("f-bom.txt"), bytes(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF },
                "a file that starts with a byte-order mark\nthe apple trees stand in rows.\n"
                        .getBytes(StandardCharsets.UTF_8)));
        write("g-records.jsonl", "{\"text\": \"The apple trees stand in rows.\"}\n\n"
                + "{\"text\": \"a record that names its source\", \"source\": \"https://example.org/r\"}\n"
                + "{\"text\": \"two words\"}\n{\"text\": \"a last record of words\"}");
        write("h-page.html",
                "<html><head><style>p { color: red }</style></head><body>\n<h1>A page title of words</h1>\n"
                        + "<p>The apple trees stand in rows.</p><script>var x = 'not text';\n</script>\n"
                        + "<p>Another paragraph\nover two lines of the page.</p>\n</body></html>\n");
        StringBuilder longParagraph = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            longParagraph.append("Sentence ").append(i).append(" of a long paragraph has words.")
                    .append(i % 7 == 0 ? "\n" : " ");
        }
        write("i-long.txt", "Title line of the file\n\n" + longParagraph + "\n\nThe apple trees stand in rows.\n");
        PassageSplitter splitter = new PassageSplitter(20);
        assertReadsAsWhole(new CorpusReader(splitter, 1 << 20), splitter, List.of(dir), 20);
    }

    private static void assertReadsAsWhole(CorpusReader reader, PassageSplitter splitter, List<Path> roots,
            int minimumPassages) throws Exception {
        List<SkippedSource> skipped = new ArrayList<>();
        List<CorpusPassage> expected = WholeFileReading.distinctPassages(reader.sourceFiles(roots, skipped), splitter);
        ReadCorpus streamed = ReadCorpus.read(reader, roots);
        assertEquals(List.of(), skipped);
        assertEquals(List.of(), streamed.skipped());
        int copies = expected.stream().mapToInt(p -> p.sources().size()).sum();
        assertTrue(expected.size() >= minimumPassages, expected.size() + " passages");
        assertTrue(copies > expected.size(), "the input has duplicates, so de-duplication is exercised");
        assertEquals(copies, streamed.passagesRead());
        assertEquals(expected.size(), streamed.passages().size());
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i), streamed.passages().get(i), "passage " + i);
        }
    }

    private void write(String name, String text) throws Exception {
        Files.writeString(dir.resolve(name), text);
    }

    private static byte[] bytes(byte[] prefix, byte[] rest) {
        byte[] all = new byte[prefix.length + rest.length];
        System.arraycopy(prefix, 0, all, 0, prefix.length);
        System.arraycopy(rest, 0, all, prefix.length, rest.length);
        return all;
    }
}
