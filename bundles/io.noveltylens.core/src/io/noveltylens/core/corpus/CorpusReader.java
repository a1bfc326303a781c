package io.noveltylens.core.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import io.noveltylens.core.CoreText;
import io.noveltylens.core.NoveltyException;
import io.noveltylens.core.Progress;

/**
 * Reads corpus sources (files and folders) into distinct passages with their provenance. Plain text, Markdown, LaTeX
 * and HTML are cut into paragraphs; a text file without any blank line is read as one passage per line (the format of
 * line-per-passage corpora); JSON Lines give one passage per object. Files that cannot be read are skipped with a
 * reason, never fatal: a corpus of thousands of files should not fail on one bad file.
 */
public final class CorpusReader {

    /** Readings of one file before it counts as changing too often to be read (each reading checks its layout). */
    private static final int READ_ATTEMPTS = 3;

    private final PassageSplitter splitter;
    private final long maxFileBytes;
    private final SourceFilter filter;

    public CorpusReader(PassageSplitter splitter, long maxFileBytes) {
        this(splitter, maxFileBytes, SourceFilter.ALL);
    }

    /** @param filter which files inside the folders given belong to the corpus */
    public CorpusReader(PassageSplitter splitter, long maxFileBytes, SourceFilter filter) {
        this.splitter = splitter;
        this.maxFileBytes = maxFileBytes;
        this.filter = filter;
    }

    /**
     * Reads every source into {@code scratch} (a folder private to this read), de-duplicated, a file at a time: memory
     * holds one buffer of a file, one paragraph and the hashes and provenance of {@link DistinctPassages}, never the
     * texts. Progress counts KiB of the files as stored; a cancellation stops within a fraction of a second, also
     * inside a large file. The caller closes the result, which deletes the texts file.
     */
    public CorpusReadResult read(List<Path> roots, Path scratch, Progress progress)
            throws NoveltyException, IOException {
        List<SkippedSource> skipped = new ArrayList<>();
        List<Path> files = sourceFiles(roots, skipped);
        progress.begin("Reading corpus", kibibytes(files));
        List<SourceDigest> digests = new ArrayList<>();
        DistinctPassages passages = new DistinctPassages(scratch);
        try {
            for (Path file : files) {
                progress.checkCanceled();
                progress.subTask(file.getFileName().toString());
                readFile(file, passages, skipped, digests, progress);
            }
            return new CorpusReadResult(passages, digests, skipped);
        } catch (IOException | RuntimeException e) {
            passages.close();
            throw e;
        }
    }

    /**
     * The files under {@code roots} that {@link #read} would read, in its order; sources that cannot be listed or have
     * no text format are added to {@code skipped}. With {@link #passages(Path, List)}, for callers that handle one
     * file at a time (the annotator) instead of a whole de-duplicated corpus.
     */
    public List<Path> sourceFiles(List<Path> roots, List<SkippedSource> skipped) throws NoveltyException {
        List<Path> files = new ArrayList<>();
        for (Path root : roots) {
            collect(root, files, skipped);
        }
        return files;
    }

    /**
     * Every passage of one file in file order, duplicates included, as {@link #read} cuts them (before whitespace
     * normalisation); an unreadable file gives none and is added to {@code skipped}.
     */
    public List<Passage> passages(Path file, List<SkippedSource> skipped) {
        PassageList list = new PassageList();
        try {
            readFile(file, list, skipped, new ArrayList<>(), Progress.NONE);
        } catch (IOException e) {
            throw new UncheckedIOException("a list does not fail", e);
        }
        return list.passages;
    }

    /** One file's passages in memory, for {@link #passages(Path, List)}. */
    private static final class PassageList extends PassageSink {
        final List<Passage> passages = new ArrayList<>();

        @Override
        void beginFile() {
            passages.clear();
        }

        @Override
        void add(Passage passage) {
            passages.add(passage);
        }

        @Override
        void discardFile() {
            passages.clear();
        }
    }

    /** How many passages a reading of a file gave, and whether the layout it assumed (lines or paragraphs) held. */
    private record FileRead(int passages, boolean layoutHeld) {
        static final FileRead WRONG_LAYOUT = new FileRead(0, false);
    }

    private void collect(Path root, List<Path> files, List<SkippedSource> skipped) throws NoveltyException {
        Path absolute = root.toAbsolutePath().normalize();
        if (!Files.exists(absolute)) {
            throw new NoveltyException(NoveltyException.Kind.CORPUS,
                    CoreText.bind(CoreText.CorpusReader_missing, root));
        }
        if (Files.isRegularFile(absolute)) {
            if (SourceFormat.of(absolute.getFileName().toString()).isPresent()) {
                files.add(absolute);
            } else {
                skipped.add(new SkippedSource(absolute.toString(), SkippedSource.Reason.UNSUPPORTED_TYPE,
                        "supported: .txt .md .tex .html .jsonl (optionally .gz)"));
            }
            return;
        }
        try {
            // Links are followed so that linked folders count; the walker detects loops and reports them below.
            Files.walkFileTree(absolute, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
                    new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                            return !dir.equals(absolute) && isHidden(dir) ? FileVisitResult.SKIP_SUBTREE
                                    : FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                            // files the user's patterns leave out are not part of the corpus: not skipped, just not there
                            if (attrs.isRegularFile() && !isHidden(file) && filter.accepts(absolute, file)) {
                                if (SourceFormat.of(file.getFileName().toString()).isPresent()) {
                                    files.add(file);
                                } else {
                                    skipped.add(new SkippedSource(file.toString(),
                                            SkippedSource.Reason.UNSUPPORTED_TYPE, "not a text format"));
                                }
                            }
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFileFailed(Path file, IOException e) {
                            SkippedSource.Reason reason = e instanceof FileSystemLoopException
                                    ? SkippedSource.Reason.LINK_LOOP : SkippedSource.Reason.UNREADABLE;
                            skipped.add(new SkippedSource(file.toString(), reason, String.valueOf(e.getMessage())));
                            return FileVisitResult.CONTINUE;
                        }
                    });
        } catch (IOException e) {
            throw new NoveltyException(NoveltyException.Kind.CORPUS,
                    CoreText.bind(CoreText.CorpusReader_unlistable, root, e.getMessage()), e);
        }
        files.sort(null);
    }

    /**
     * Whether a file of this name is read as text (.txt .md .tex .html .jsonl, optionally gzipped): for callers that
     * hear of single files changing, such as the IDE's drafts, and must not wake up for the others.
     */
    public static boolean hasTextFormat(String fileName) {
        return SourceFormat.of(fileName).isPresent();
    }

    /** The KiB of the files as stored: the reading progress's total. */
    private static int kibibytes(List<Path> files) {
        long total = 0;
        for (Path file : files) {
            try {
                total += Files.size(file) >> 10;
            } catch (IOException e) {
                // reported when the file is read
            }
        }
        return (int) Math.min(Integer.MAX_VALUE, total);
    }

    private static boolean isHidden(Path path) {
        return path.getFileName() != null && path.getFileName().toString().startsWith(".");
    }

    /**
     * Reads one file into {@code sink}. A text file without any blank line is one passage per line, otherwise it is
     * paragraphs: that is a property of the whole file, so a text file is first read as lines and read again as
     * paragraphs at its first blank line (which in prose comes within the first lines). Each reading checks the
     * layout it assumed, so a file changed between two readings is read again rather than cut the wrong way.
     *
     * @throws IOException only when the sink fails (the scratch folder); a source that fails is skipped
     */
    private void readFile(Path file, PassageSink sink, List<SkippedSource> skipped, List<SourceDigest> digests,
            Progress progress) throws IOException {
        String source = file.toString();
        SourceFormat format = SourceFormat.of(file.getFileName().toString()).orElseThrow();
        boolean paragraphs = false;
        for (int attempt = 0; attempt < READ_ATTEMPTS; attempt++) {
            sink.beginFile();
            try (SourceText text = SourceText.open(file, maxFileBytes, progress)) {
                FileRead read = switch (format) {
                    case JSONL -> jsonLines(source, text, sink, skipped);
                    case HTML -> html(source, text, sink);
                    case TEXT -> paragraphs ? paragraphs(source, text, sink) : lines(source, text, sink);
                };
                if (read.layoutHeld()) {
                    digests.add(new SourceDigest(source, text.finish(), read.passages()));
                    return;
                }
            } catch (SourceText.Unreadable e) {
                sink.discardFile();
                skipped.add(new SkippedSource(source, e.reason, e.getMessage()));
                return;
            }
            sink.discardFile();
            paragraphs = !paragraphs;
        }
        skipped.add(new SkippedSource(source, SkippedSource.Reason.UNREADABLE,
                "it kept changing while being read; build again when it is saved"));
    }

    private FileRead lines(String source, SourceText text, PassageSink sink) throws IOException, SourceText.Unreadable {
        int passages = 0;
        for (String line = text.nextLine(); line != null; line = text.nextLine()) {
            if (isBlankLine(line, text)) {
                return FileRead.WRONG_LAYOUT;
            }
            passages += add(source, text, line, text.lineStart(), text.lineNumber(), sink);
        }
        return new FileRead(passages, true);
    }

    private FileRead paragraphs(String source, SourceText text, PassageSink sink)
            throws IOException, SourceText.Unreadable {
        StringBuilder paragraph = new StringBuilder();
        int start = -1;
        int firstLine = 0;
        int passages = 0;
        boolean blankLineSeen = false;
        for (String line = text.nextLine(); line != null; line = text.nextLine()) {
            if (line.isBlank()) {
                blankLineSeen |= isBlankLine(line, text);
                if (start >= 0) {
                    passages += add(source, text, paragraph.toString(), start, firstLine, sink);
                    paragraph.setLength(0);
                    start = -1;
                }
                continue;
            }
            if (start < 0) {
                start = text.lineStart();
                firstLine = text.lineNumber();
            }
            paragraph.append(line);
            if (text.terminated()) {
                paragraph.append('\n');
            }
        }
        if (start >= 0) {
            passages += add(source, text, paragraph.toString(), start, firstLine, sink);
        }
        return new FileRead(passages, blankLineSeen);
    }

    /** A blank line that separates paragraphs: ended by a line break, and not the first line of the file. */
    private static boolean isBlankLine(String line, SourceText text) {
        return text.terminated() && text.lineStart() > 0 && line.isBlank();
    }

    /**
     * Adds the passages of a paragraph or line that starts at the normalised {@code offset} of {@code text}, on line
     * {@code firstLine}.
     */
    private int add(String source, SourceText text, String block, int offset, int firstLine, PassageSink sink)
            throws IOException {
        List<TextSpan> spans = splitter.split(block);
        int line = firstLine;
        int scanned = 0;
        for (TextSpan span : spans) {
            for (; scanned < span.start(); scanned++) {
                line += block.charAt(scanned) == '\n' ? 1 : 0;
            }
            sink.add(new Passage(span.of(block), new Provenance(source, text.sourceOffset(offset + span.start()),
                    text.sourceOffset(offset + span.end()), line)));
        }
        return spans.size();
    }

    /** HTML is read whole (up to the file size limit): markup such as scripts and comments spans lines. */
    private FileRead html(String source, SourceText text, PassageSink sink) throws IOException, SourceText.Unreadable {
        StringBuilder whole = new StringBuilder();
        for (String line = text.nextLine(); line != null; line = text.nextLine()) {
            whole.append(line);
            if (text.terminated()) {
                whole.append('\n');
            }
        }
        String html = whole.toString();
        String visible = HtmlText.blankOutMarkup(html);
        List<TextSpan> spans = hasBlankLine(visible) ? splitter.paragraphs(visible) : splitter.lines(visible);
        LineIndex lines = new LineIndex(html);
        for (TextSpan span : spans) {
            sink.add(new Passage(span.of(visible), new Provenance(source, text.sourceOffset(span.start()),
                    text.sourceOffset(span.end()), lines.lineOf(span.start()))));
        }
        return new FileRead(spans.size(), true);
    }

    private static boolean hasBlankLine(String text) {
        int lineStart = 0;
        while (lineStart < text.length()) {
            int lineEnd = text.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                return false;
            }
            if (text.substring(lineStart, lineEnd).isBlank() && lineStart > 0) {
                return true;
            }
            lineStart = lineEnd + 1;
        }
        return false;
    }

    private FileRead jsonLines(String source, SourceText text, PassageSink sink, List<SkippedSource> skipped)
            throws IOException, SourceText.Unreadable {
        int passages = 0;
        int malformed = 0;
        int firstMalformedLine = 0;
        for (String json = text.nextLine(); json != null; json = text.nextLine()) {
            if (json.isBlank()) {
                continue;
            }
            Passage passage = jsonPassage(source, json, text.sourceOffset(text.lineStart()), text.lineNumber());
            if (passage == null) {
                malformed++;
                firstMalformedLine = firstMalformedLine == 0 ? text.lineNumber() : firstMalformedLine;
            } else if (PassageSplitter.wordCount(passage.text(), 0,
                    passage.text().length()) >= PassageSplitter.MIN_WORDS) {
                sink.add(passage);
                passages++;
            }
        }
        if (malformed > 0) {
            skipped.add(new SkippedSource(source, SkippedSource.Reason.MALFORMED_JSONL, malformed
                    + " line(s) without a JSON object with a string \"text\", first at line " + firstMalformedLine));
        }
        return new FileRead(passages, true);
    }

    /**
     * A passage from one JSON Lines record at {@code lineOffset} of the file's text; its declared "source", if any,
     * replaces the file as provenance.
     */
    static Passage jsonPassage(String file, String json, int lineOffset, int line) {
        try {
            JsonElement element = JsonParser.parseString(json);
            if (!element.isJsonObject()) {
                return null;
            }
            JsonObject object = element.getAsJsonObject();
            JsonElement text = object.get("text");
            if (text == null || !text.isJsonPrimitive() || !text.getAsJsonPrimitive().isString()) {
                return null;
            }
            String value = text.getAsString();
            JsonElement declared = object.get("source");
            if (declared != null && declared.isJsonPrimitive() && !declared.getAsString().isBlank()) {
                return new Passage(value, new Provenance(declared.getAsString(), 0, value.length(), 1));
            }
            return new Passage(value, new Provenance(file, lineOffset, lineOffset + json.length(), line));
        } catch (JsonParseException e) {
            return null;
        }
    }
}
