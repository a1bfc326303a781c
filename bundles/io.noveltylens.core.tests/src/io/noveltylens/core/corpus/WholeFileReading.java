package io.noveltylens.core.corpus;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * The oracle for the streaming reader: how corpus files were read before it, each file whole in memory (bytes, then
 * text, then passages cut from the whole text), and the corpus de-duplicated whole in a map from normalised text to
 * every copy's provenance, first occurrence first. Offsets are the file's own ({@code \r\n} two characters), as an
 * editor holds it. For readable files only: skipping is tested on its own.
 */
final class WholeFileReading {

    private WholeFileReading() {
    }

    static List<CorpusPassage> distinctPassages(List<Path> files, PassageSplitter splitter) throws IOException {
        Map<String, List<Provenance>> distinct = new LinkedHashMap<>();
        for (Path file : files) {
            for (Passage passage : passages(file, splitter)) {
                distinct.computeIfAbsent(TextNormalization.collapseWhitespace(passage.text()),
                        text -> new ArrayList<>())
                        .add(passage.provenance());
            }
        }
        List<CorpusPassage> passages = new ArrayList<>();
        distinct.forEach(
                (text, sources) -> passages.add(new CorpusPassage(text, TextNormalization.sha256(text), sources)));
        return passages;
    }

    private static List<Passage> passages(Path file, PassageSplitter splitter) throws IOException {
        String source = file.toString();
        String name = file.getFileName().toString();
        String raw = decode(file);
        String text = raw.replace("\r\n", "\n").replace('\r', '\n');
        int[] rawAt = rawOffsets(raw);
        SourceFormat format = SourceFormat.of(name).orElseThrow();
        List<Passage> passages = new ArrayList<>();
        if (format == SourceFormat.JSONL) {
            int lineStart = 0;
            for (int line = 1; lineStart < text.length(); line++) {
                int lineEnd = text.indexOf('\n', lineStart) < 0 ? text.length() : text.indexOf('\n', lineStart);
                String json = text.substring(lineStart, lineEnd);
                Passage passage = json.isBlank() ? null
                        : CorpusReader.jsonPassage(source, json, rawAt[lineStart], line);
                if (passage != null && PassageSplitter.wordCount(passage.text(), 0,
                        passage.text().length()) >= PassageSplitter.MIN_WORDS) {
                    passages.add(passage);
                }
                lineStart = lineEnd + 1;
            }
            return passages;
        }
        String visible = format == SourceFormat.HTML ? HtmlText.blankOutMarkup(text) : text;
        List<TextSpan> spans = hasBlankLine(visible) ? splitter.paragraphs(visible) : splitter.lines(visible);
        LineIndex lines = new LineIndex(text);
        for (TextSpan span : spans) {
            passages.add(new Passage(span.of(visible),
                    new Provenance(source, rawAt[span.start()], rawAt[span.end()], lines.lineOf(span.start()))));
        }
        return passages;
    }

    /** For each offset of the normalised text (and its end), the offset in {@code raw}: a \r\n is one character there. */
    private static int[] rawOffsets(String raw) {
        int[] rawAt = new int[raw.length() + 1];
        int normalised = 0;
        for (int i = 0; i < raw.length(); i++) {
            if (raw.charAt(i) == '\n' && i > 0 && raw.charAt(i - 1) == '\r') {
                continue;
            }
            rawAt[normalised++] = i;
        }
        rawAt[normalised] = raw.length();
        return rawAt;
    }

    private static String decode(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        if (file.getFileName().toString().endsWith(".gz")) {
            try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
                bytes = in.readAllBytes();
            }
        }
        Charset charset = StandardCharsets.UTF_8;
        int bom = 0;
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            bom = 3;
        } else if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
            charset = StandardCharsets.UTF_16BE;
            bom = 2;
        } else if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
            charset = StandardCharsets.UTF_16LE;
            bom = 2;
        }
        return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes, bom, bytes.length - bom)).toString();
    }

    /** A blank line after the first one, ended by a line break. */
    private static boolean hasBlankLine(String text) {
        int lineStart = 0;
        for (int lineEnd = text.indexOf('\n'); lineEnd >= 0; lineEnd = text.indexOf('\n', lineStart)) {
            if (lineStart > 0 && text.substring(lineStart, lineEnd).isBlank()) {
                return true;
            }
            lineStart = lineEnd + 1;
        }
        return false;
    }
}
