package io.noveltylens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.google.gson.JsonObject;

import io.noveltylens.core.NoveltyException;
import io.noveltylens.core.corpus.CorpusReader;
import io.noveltylens.core.corpus.Passage;
import io.noveltylens.core.corpus.PassageSplitter;
import io.noveltylens.core.corpus.SkippedSource;
import io.noveltylens.core.index.IndexSettings;
import io.noveltylens.test.support.TextLines;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The corpus reader on whatever bytes a user's files hold: plain text, Markdown, HTML and JSON Lines, raw or gzipped,
 * random or real files damaged. Every file is read into passages or skipped with a reason, within
 * {@link FuzzInputs#NO_HANG}, and a passage of a plain text file is the text at its recorded offsets in the file as an
 * editor holds it ({@code \r\n} kept), so that a marker or a double-click lands on it.
 */
class CorpusFilesFuzzTest {

    private static final Path FIXTURES = Path.of(System.getProperty("noveltylens.fixtures",
            "../io.noveltylens.core.tests/fixtures"));
    private static final List<String> NAMES = List.of("a.txt", "a.md", "a.tex", "a.html", "a.jsonl", "a.txt.gz",
            "a.jsonl.gz");

    @Property
    void everyFileIsReadIntoPassagesOrSkippedWithAReason(@ForAll("contents") byte[] bytes,
            @ForAll("names") String name, @ForAll boolean gzipped) throws IOException, NoveltyException {
        Path dir = Files.createTempDirectory("fuzz-corpus");
        try {
            Path file = dir.resolve(name);
            // a .gz name over bytes that are not gzip is one of the cases: the reader must say so
            Files.write(file, gzipped && name.endsWith(".gz") ? FuzzInputs.gzip(bytes) : bytes);
            IndexSettings settings = IndexSettings.defaults();
            CorpusReader reader = new CorpusReader(new PassageSplitter(settings.maxPassageWords()),
                    settings.maxFileBytes());
            List<SkippedSource> skipped = new ArrayList<>();
            List<Passage> passages = FuzzInputs.withoutHanging(() -> reader.passages(file, skipped));

            assertTrue(skipped.size() <= 1, () -> "one file, skipped " + skipped);
            if (!skipped.isEmpty()) {
                assertFalse(skipped.get(0).detail().isBlank(), "a skipped file is skipped with a reason");
                // JSON Lines report their malformed lines and keep the others
                assertTrue(passages.isEmpty() || skipped.get(0).reason() == SkippedSource.Reason.MALFORMED_JSONL,
                        () -> "a skipped file gives no passages: " + skipped);
            }
            int previousEnd = 0;
            for (Passage passage : passages) {
                assertFalse(passage.text().isBlank(), "blank passage");
                // a JSON Lines record that declares its own "source" is placed in that source, not in this file
                if (passage.provenance().source().equals(file.toString())) {
                    assertTrue(passage.provenance().startOffset() >= previousEnd,
                            () -> "passages in file order, apart: " + passages);
                    previousEnd = passage.provenance().endOffset();
                }
            }
            String text = plainText(file, bytes, name, gzipped);
            if (text != null) {
                for (Passage passage : passages) {
                    assertTrue(passage.provenance().endOffset() <= text.length(), "offsets inside the file");
                    String inFile = text.substring(passage.provenance().startOffset(),
                            passage.provenance().endOffset());
                    assertEquals(inFile.replace("\r\n", "\n").replace('\r', '\n'), passage.text(),
                            "the passage is the file's text at its offsets, line breaks normalised");
                }
            }
        } finally {
            try (var files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.delete(f);
                }
            }
            Files.delete(dir);
        }
    }

    /** The file's text where it is plain (text, Markdown, LaTeX) and valid UTF-8 without a BOM, else null. */
    private static String plainText(Path file, byte[] bytes, String name, boolean gzipped) {
        boolean plain = name.endsWith(".txt") || name.endsWith(".md") || name.endsWith(".tex")
                || name.endsWith(".txt.gz") && gzipped;
        if (!plain || bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF) {
            return null;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.of(NAMES);
    }

    @Provide
    Arbitrary<byte[]> contents() throws IOException {
        List<String> lines = TextLines.read(FIXTURES.resolve("austen-1500.txt.gz")).subList(0, 12);
        StringBuilder html = new StringBuilder("<html><head><title>t</title><style>p{}</style></head><body>\n");
        StringBuilder jsonl = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            html.append("<p>").append(lines.get(i).replace("&", "&amp;")).append("</p>\n");
            JsonObject object = new JsonObject();
            object.addProperty("id", "p" + i);
            object.addProperty("text", lines.get(i));
            object.addProperty("source", "austen.txt:" + (i + 1));
            jsonl.append(object).append('\n');
        }
        List<byte[]> seeds = List.of(FuzzInputs.utf8(String.join("\n", lines)),
                FuzzInputs.utf8(String.join("\n\n", lines)), FuzzInputs.utf8(html + "</body></html>\n"),
                FuzzInputs.utf8(jsonl.toString()),
                Files.readAllBytes(FIXTURES.resolve("constructed-unicode.txt")));
        return FuzzInputs.randomOrMutated(seeds, 4096);
    }
}
