package io.noveltylens.core.corpus;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import io.noveltylens.core.NoveltyException;
import io.noveltylens.core.Progress;

/**
 * Reads corpus sources (files and folders) into distinct passages with their provenance. Plain text, Markdown, LaTeX
 * and HTML are cut into paragraphs; a text file without any blank line is read as one passage per line (the format of
 * line-per-passage corpora); JSON Lines give one passage per object. Files that cannot be read are skipped with a
 * reason, never fatal: a corpus of thousands of files should not fail on one bad file.
 */
public final class CorpusReader {

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

    public CorpusReadResult read(List<Path> roots, Progress progress) throws NoveltyException {
        List<SkippedSource> skipped = new ArrayList<>();
        List<Path> files = sourceFiles(roots, skipped);
        progress.begin("Reading corpus", files.size()); //$NON-NLS-1$
        Map<String, Builder> distinct = new LinkedHashMap<>();
        List<SourceDigest> digests = new ArrayList<>();
        int passagesRead = 0;
        for (Path file : files) {
            progress.checkCanceled();
            progress.subTask(file.getFileName().toString());
            List<Passage> passages = readFile(file, skipped, digests);
            passagesRead += passages.size();
            for (Passage passage : passages) {
                String text = TextNormalization.collapseWhitespace(passage.text());
                distinct.computeIfAbsent(text, Builder::new).sources.add(passage.provenance());
            }
            progress.worked(1);
        }
        List<CorpusPassage> result = new ArrayList<>(distinct.size());
        for (Builder builder : distinct.values()) {
            result.add(new CorpusPassage(builder.text, TextNormalization.sha256(builder.text), builder.sources));
        }
        return new CorpusReadResult(result, digests, skipped, passagesRead);
    }

    /**
     * The files under {@code roots} that {@link #read} would read, in its order; sources that cannot be listed or have
     * no text format are added to {@code skipped}. With {@link #passages(Path, List)}, for callers that handle one
     * file at a time (the annotator) instead of holding a whole de-duplicated corpus.
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
        return readFile(file, skipped, new ArrayList<>());
    }

    private static final class Builder {
        final String text;
        final List<Provenance> sources = new ArrayList<>(1);

        Builder(String text) {
            this.text = text;
        }
    }

    private void collect(Path root, List<Path> files, List<SkippedSource> skipped) throws NoveltyException {
        Path absolute = root.toAbsolutePath().normalize();
        if (!Files.exists(absolute)) {
            throw new NoveltyException(NoveltyException.Kind.CORPUS,
                    "Corpus source " + root + " does not exist. Check the path in the corpus settings."); //$NON-NLS-1$ //$NON-NLS-2$
        }
        if (Files.isRegularFile(absolute)) {
            if (SourceFormat.of(absolute.getFileName().toString()).isPresent()) {
                files.add(absolute);
            } else {
                skipped.add(new SkippedSource(absolute.toString(), SkippedSource.Reason.UNSUPPORTED_TYPE,
                        "supported: .txt .md .tex .html .jsonl (optionally .gz)")); //$NON-NLS-1$
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
                                            SkippedSource.Reason.UNSUPPORTED_TYPE, "not a text format")); //$NON-NLS-1$
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
                    "Cannot list corpus folder " + root + ": " + e.getMessage(), e); //$NON-NLS-1$ //$NON-NLS-2$
        }
        files.sort(null);
    }

    private static boolean isHidden(Path path) {
        return path.getFileName() != null && path.getFileName().toString().startsWith("."); //$NON-NLS-1$
    }

    private List<Passage> readFile(Path file, List<SkippedSource> skipped, List<SourceDigest> digests) {
        String source = file.toString();
        String name = file.getFileName().toString();
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > maxFileBytes) {
                skipped.add(new SkippedSource(source, SkippedSource.Reason.TOO_LARGE, size + " bytes; the limit is " //$NON-NLS-1$
                        + maxFileBytes + ": split the file")); //$NON-NLS-1$
                return List.of();
            }
            bytes = Files.readAllBytes(file);
            if (SourceFormat.isGzip(name)) {
                try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(bytes))) {
                    bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxFileBytes + 1));
                }
                if (bytes.length > maxFileBytes) {
                    skipped.add(new SkippedSource(source, SkippedSource.Reason.TOO_LARGE,
                            "more than " + maxFileBytes + " bytes uncompressed")); //$NON-NLS-1$ //$NON-NLS-2$
                    return List.of();
                }
            }
        } catch (AccessDeniedException e) {
            skipped.add(new SkippedSource(source, SkippedSource.Reason.UNREADABLE, "permission denied")); //$NON-NLS-1$
            return List.of();
        } catch (NoSuchFileException e) {
            skipped.add(new SkippedSource(source, SkippedSource.Reason.UNREADABLE, "deleted while reading")); //$NON-NLS-1$
            return List.of();
        } catch (IOException e) {
            skipped.add(new SkippedSource(source, SkippedSource.Reason.UNREADABLE, String.valueOf(e.getMessage())));
            return List.of();
        }
        SourceDecoder.Decoded decoded = SourceDecoder.decode(bytes);
        if (decoded.text() == null) {
            skipped.add(new SkippedSource(source, decoded.failure(), decoded.detail()));
            return List.of();
        }
        String text = decoded.text().replace("\r\n", "\n").replace('\r', '\n'); //$NON-NLS-1$ //$NON-NLS-2$
        SourceFormat format = SourceFormat.of(name).orElseThrow();
        List<Passage> passages = format == SourceFormat.JSONL ? jsonLines(source, text, skipped)
                : spans(source, text, format);
        digests.add(new SourceDigest(source, TextNormalization.sha256(bytes), passages.size()));
        return passages;
    }

    private List<Passage> spans(String source, String text, SourceFormat format) {
        String visible = format == SourceFormat.HTML ? HtmlText.blankOutMarkup(text) : text;
        List<TextSpan> spans = hasBlankLine(visible) ? splitter.paragraphs(visible) : splitter.lines(visible);
        LineIndex lines = new LineIndex(text);
        List<Passage> passages = new ArrayList<>(spans.size());
        for (TextSpan span : spans) {
            passages.add(new Passage(span.of(visible),
                    new Provenance(source, span.start(), span.end(), lines.lineOf(span.start()))));
        }
        return passages;
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

    private List<Passage> jsonLines(String source, String text, List<SkippedSource> skipped) {
        List<Passage> passages = new ArrayList<>();
        int malformed = 0;
        int firstMalformedLine = 0;
        int lineStart = 0;
        for (int line = 1; lineStart < text.length(); line++) {
            int lineEnd = text.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = text.length();
            }
            String json = text.substring(lineStart, lineEnd);
            if (!json.isBlank()) {
                Passage passage = jsonPassage(source, json, lineStart, line);
                if (passage == null) {
                    malformed++;
                    firstMalformedLine = firstMalformedLine == 0 ? line : firstMalformedLine;
                } else if (PassageSplitter.wordCount(passage.text(), 0, passage.text().length())
                        >= PassageSplitter.MIN_WORDS) {
                    passages.add(passage);
                }
            }
            lineStart = lineEnd + 1;
        }
        if (malformed > 0) {
            skipped.add(new SkippedSource(source, SkippedSource.Reason.MALFORMED_JSONL, malformed
                    + " line(s) without a JSON object with a string \"text\", first at line " + firstMalformedLine)); //$NON-NLS-1$
        }
        return passages;
    }

    /** A passage from one JSON Lines record; its declared "source", if any, replaces the file as provenance. */
    private static Passage jsonPassage(String file, String json, int lineOffset, int line) {
        try {
            JsonElement element = JsonParser.parseString(json);
            if (!element.isJsonObject()) {
                return null;
            }
            JsonObject object = element.getAsJsonObject();
            JsonElement text = object.get("text"); //$NON-NLS-1$
            if (text == null || !text.isJsonPrimitive() || !text.getAsJsonPrimitive().isString()) {
                return null;
            }
            String value = text.getAsString();
            JsonElement declared = object.get("source"); //$NON-NLS-1$
            if (declared != null && declared.isJsonPrimitive() && !declared.getAsString().isBlank()) {
                return new Passage(value, new Provenance(declared.getAsString(), 0, value.length(), 1));
            }
            return new Passage(value, new Provenance(file, lineOffset, lineOffset + json.length(), line));
        } catch (JsonParseException e) {
            return null;
        }
    }
}
