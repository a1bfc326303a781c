package io.noveltylens.core.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.noveltylens.core.NoveltyException;
import io.noveltylens.core.corpus.SkippedSource.Reason;

/** Reading sources into passages: formats, provenance that points at the exact text, and files that are skipped. */
class CorpusReaderTest {

    @TempDir
    Path dir;

    private final CorpusReader reader = new CorpusReader(new PassageSplitter(150), 1 << 20);

    private ReadCorpus read(Path... roots) throws NoveltyException, IOException {
        return ReadCorpus.read(reader, List.of(roots));
    }

    @Test
    void paragraphsKeepOffsetsAndLinesThatPointAtTheirText() throws Exception {
        String text = "# Title line here\n\nFirst paragraph has\ntwo lines of text.\n\n\nSecond paragraph, alone.\n";
        Path file = Files.writeString(dir.resolve("notes.md"), text);
        ReadCorpus result = read(file);
        assertEquals(List.of("# Title line here", "First paragraph has two lines of text.", "Second paragraph, alone."),
                result.passages().stream().map(CorpusPassage::text).toList());
        Provenance second = result.passages().get(1).sources().get(0);
        assertEquals("First paragraph has\ntwo lines of text.",
                text.substring(second.startOffset(), second.endOffset()));
        assertEquals(3, second.line());
        assertEquals(7, result.passages().get(2).sources().get(0).line());
    }

    @Test
    void offsetsPointIntoTheFileAsAnEditorHoldsItWithWindowsLineBreaks() throws Exception {
        // an editor's document keeps \r\n, so each earlier line break is two characters there
        String text = "# Title line here\r\n\r\nFirst paragraph has\r\ntwo lines of text.\r\n\r\nSecond paragraph, "
                + "alone.\r\n";
        Path file = Files.writeString(dir.resolve("windows.md"), text);
        List<Passage> passages = reader.passages(file, new ArrayList<>());
        assertEquals(3, passages.size());
        Provenance second = passages.get(1).provenance();
        assertEquals("First paragraph has\r\ntwo lines of text.",
                text.substring(second.startOffset(), second.endOffset()));
        Provenance third = passages.get(2).provenance();
        assertEquals("Second paragraph, alone.", text.substring(third.startOffset(), third.endOffset()));
        assertEquals(6, third.line());
    }

    @Test
    void aFileWithoutBlankLinesIsOnePassagePerLineAndGzipIsReadThrough() throws Exception {
        Path file = dir.resolve("lines.txt.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(
                    "one passage on this line\nanother passage on that line\nshort\n".getBytes(StandardCharsets.UTF_8));
        }
        ReadCorpus result = read(file);
        assertEquals(List.of("one passage on this line", "another passage on that line"),
                result.passages().stream().map(CorpusPassage::text).toList(), "'short' has fewer than 3 words");
        assertEquals(2, result.passages().get(1).sources().get(0).line());
    }

    @Test
    void longParagraphsAreCutAtSentenceEnds() throws Exception {
        String sentence = "This sentence has exactly eight words in it. ";
        Path file = Files.writeString(dir.resolve("long.txt"), sentence.repeat(40) + "\n\nTail paragraph of words.\n");
        CorpusReader small = new CorpusReader(new PassageSplitter(50), 1 << 20);
        List<CorpusPassage> passages = ReadCorpus.read(small, List.of(file)).passages();
        // 40 eight-word sentences, at most 50 words a passage: six identical runs of 6 sentences (48 words), stored
        // once, then the 4-sentence remainder, then the tail paragraph
        assertEquals(3, passages.size());
        assertEquals(sentence.repeat(6).strip(), passages.get(0).text());
        assertEquals(6, passages.get(0).sources().size(), "the six identical runs keep their provenance");
    }

    @Test
    void jsonLinesUseTheirDeclaredSourceAndReportMalformedLines() throws Exception {
        Path file = Files.writeString(dir.resolve("data.jsonl"), String.join("\n",
                "{\"id\":\"1\",\"text\":\"a passage from the web page\",\"source\":\"https://example.org/p\"}",
                "{\"id\":\"2\",\"text\":\"a passage with no declared source\"}",
                "not json at all",
                "{\"id\":\"3\",\"text\":42}"));
        ReadCorpus result = read(file);
        assertEquals(2, result.passages().size());
        assertEquals("https://example.org/p", result.passages().get(0).sources().get(0).source());
        Provenance own = result.passages().get(1).sources().get(0);
        assertEquals(file.toString(), own.source());
        assertEquals(2, own.line());
        SkippedSource skipped = result.skipped().get(0);
        assertEquals(Reason.MALFORMED_JSONL, skipped.reason());
        assertTrue(skipped.detail().startsWith("2 line(s)"), skipped.detail());
    }

    @Test
    void htmlMarkupIsBlankedSoOffsetsStayInTheFile() throws Exception {
        String html = "<html><head><style>p {color: red}</style></head><body><p>Visible words in a paragraph.</p>"
                + "<script>var hidden = 1;</script><p>Second visible paragraph here.</p></body></html>";
        Path file = Files.writeString(dir.resolve("page.html"), html);
        List<CorpusPassage> passages = read(file).passages();
        assertEquals(List.of("Visible words in a paragraph.", "Second visible paragraph here."),
                passages.stream().map(CorpusPassage::text).toList());
        Provenance first = passages.get(0).sources().get(0);
        assertEquals("Visible words in a paragraph.", html.substring(first.startOffset(), first.endOffset()));
    }

    @Test
    void htmlOffsetsHoldAfterACharacterWhoseLowerCaseIsLonger() throws Exception {
        // found by CorpusFilesFuzzTest: lower-casing "\u0130" gives two characters, so offsets taken from a
        // lower-cased copy of the page ran past its end
        String html = "<P>Caf\u00e9 au lait \u0130stanbul.</P>\n<SCRIPT>x</SCRIPT><p>Second paragraph here.\n<!-- unclosed";
        Path file = Files.writeString(dir.resolve("page.html"), html);
        List<CorpusPassage> passages = read(file).passages();
        assertEquals(List.of("Caf\u00e9 au lait \u0130stanbul.", "Second paragraph here."),
                passages.stream().map(CorpusPassage::text).toList());
        for (CorpusPassage passage : passages) {
            Provenance at = passage.sources().get(0);
            assertEquals(passage.text(), html.substring(at.startOffset(), at.endOffset()));
        }
    }

    @Test
    void badFilesAreSkippedWithTheirReasonAndTheRestIsRead() throws Exception {
        Files.writeString(dir.resolve("good.txt"), "a perfectly good passage of text");
        Files.write(dir.resolve("binary.txt"), new byte[] { 'a', 'b', 0, 'c' });
        Files.write(dir.resolve("latin1.txt"),
                "caf\u00e9 au lait, bien s\u00fbr".getBytes(StandardCharsets.ISO_8859_1));
        Files.write(dir.resolve("empty.txt"), new byte[0]);
        Files.write(dir.resolve("big.txt"), new byte[(1 << 20) + 1]);
        Files.writeString(dir.resolve("program.class"), "not text");
        Files.writeString(dir.resolve(".hidden.txt"), "hidden files are not part of a corpus");
        ReadCorpus result = read(dir);
        assertEquals(List.of("a perfectly good passage of text"),
                result.passages().stream().map(CorpusPassage::text).toList());
        assertEquals(List.of(Reason.BINARY, Reason.INVALID_ENCODING, Reason.EMPTY, Reason.TOO_LARGE,
                Reason.UNSUPPORTED_TYPE), result.skipped().stream().map(SkippedSource::reason).sorted().toList());
    }

    @Test
    void utf16WithByteOrderMarkIsDecoded() throws Exception {
        byte[] body = "a passage saved as UTF-16".getBytes(StandardCharsets.UTF_16LE);
        byte[] bytes = new byte[body.length + 2];
        bytes[0] = (byte) 0xFF;
        bytes[1] = (byte) 0xFE;
        System.arraycopy(body, 0, bytes, 2, body.length);
        Path file = Files.write(dir.resolve("wide.txt"), bytes);
        assertEquals("a passage saved as UTF-16", read(file).passages().get(0).text());
    }

    @Test
    void aSymlinkLoopIsReportedNotFollowedForever() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("folder"));
        Files.writeString(folder.resolve("text.txt"), "some passage of words here");
        Files.createSymbolicLink(folder.resolve("loop"), folder);
        ReadCorpus result = read(folder);
        assertEquals(1, result.passages().size());
        assertTrue(result.skipped().stream().anyMatch(s -> s.reason() == Reason.LINK_LOOP),
                result.skipped().toString());
    }

    @Test
    void includeAndExcludePatternsChooseTheFilesOfAFolder() throws Exception {
        Path drafts = Files.createDirectories(dir.resolve("drafts"));
        Files.writeString(dir.resolve("chapter.md"), "the chapter that belongs to the corpus");
        Files.writeString(dir.resolve("notes.txt"), "notes that the include pattern leaves out");
        Files.writeString(drafts.resolve("draft.md"), "a draft that the exclude pattern leaves out");
        CorpusReader filtered = new CorpusReader(new PassageSplitter(150), 1 << 20,
                SourceFilter.parse("*.md", "drafts/**"));
        ReadCorpus result = ReadCorpus.read(filtered, List.of(dir));
        assertEquals(List.of("the chapter that belongs to the corpus"),
                result.passages().stream().map(CorpusPassage::text).toList());
        assertEquals(List.of(), result.skipped(), "left-out files are not reported as skipped");
        assertEquals(3, read(dir).passages().size(), "without patterns every supported file is read");
        assertEquals(1, ReadCorpus.read(filtered, List.of(dir.resolve("notes.txt"))).passages().size(),
                "a file given by name is always read");
    }

    @Test
    void aMissingSourceIsAnErrorThatNamesIt() {
        NoveltyException missing = assertThrows(NoveltyException.class, () -> read(dir.resolve("absent")));
        assertTrue(missing.getMessage().contains("absent"), missing.getMessage());
        assertEquals(NoveltyException.Kind.CORPUS, missing.kind());
    }
}
