package io.noveltylens.core.annotate;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import io.noveltylens.core.CoreText;
import io.noveltylens.core.NoveltyException;
import io.noveltylens.core.NoveltyException.Kind;
import io.noveltylens.core.ReplacedFile;
import io.noveltylens.core.corpus.TextNormalization;
import io.noveltylens.core.export.RecordCsv;
import io.noveltylens.core.export.ReportJson;

/**
 * The results of an annotation run streamed to disk as they come, so that a run over 100k passages holds none of them
 * and a cancelled, failed or killed run loses at most the source file it was reading: a JSON Lines file whose first
 * line is a {@link ResultsHeader} and whose other lines are {@link ReportJson} records, flushed after every source
 * file. {@link #resume} reads such a file back: its records are the passages a rerun does not score again, a last
 * line cut short by a crash (or anything unreadable from there on) is cut off and scored again, and a file of another
 * run is refused. {@link #complete()} ends a run that went over every passage: the file then holds exactly what an
 * uninterrupted run over the sources as they are now writes, in its order.
 */
public final class ResultsFile implements AnnotationSink, AutoCloseable {

    private static final Gson GSON = new Gson();

    private final Path file;
    private final OutputStream out;
    private final Set<PassageKey> finished;
    /** Where each record is in the file; a record's key is its passage's. */
    private final Map<PassageKey, Span> records;
    /** The records' keys in file order, those of earlier runs first. */
    private final List<PassageKey> inFile;
    /** The passages of this run in the order the annotator went over them, resumed ones included. */
    private final List<PassageKey> run = new ArrayList<>();
    private final long headerLength;
    private long length;

    private ResultsFile(Path file, OutputStream out, Contents contents) {
        this.file = file;
        this.out = out;
        this.finished = Set.copyOf(contents.records.keySet());
        this.records = contents.records;
        this.inFile = contents.order;
        this.headerLength = contents.headerLength;
        this.length = contents.length;
    }

    /** Starts {@code file} over with {@code header}, replacing what it held. */
    public static ResultsFile create(Path file, ResultsHeader header) throws NoveltyException {
        String headerLine = headerLine(header);
        Contents empty = new Contents();
        empty.headerLength = (headerLine + '\n').getBytes(StandardCharsets.UTF_8).length;
        try {
            OutputStream out = new BufferedOutputStream(Files.newOutputStream(file));
            ResultsFile results = new ResultsFile(file, out, empty);
            results.writeLine(headerLine);
            results.fileDone();
            return results;
        } catch (IOException e) {
            throw writeFailure(file, e);
        }
    }

    /**
     * Continues {@code file}: hands the row of every complete record to {@code earlier} in file order, remembers them as
     * {@link #finished()}, cuts off a last line without its line end (and anything unreadable from there on), and
     * appends after that. A missing or empty file (or one whose header line was cut short) is started over.
     *
     * @throws NoveltyException when the file holds results of another run or is not a results file; it is left as
     *                          it was
     */
    public static ResultsFile resume(Path file, ResultsHeader header, Consumer<ResultRow> earlier)
            throws NoveltyException {
        if (!Files.isRegularFile(file)) {
            return create(file, header);
        }
        Contents contents = new Contents();
        read(file, header, (record, offset, length) -> {
            contents.add(record, offset, length);
            earlier.accept(ResultRow.of(record));
        }, contents);
        if (contents.length == 0) {
            return create(file, header);
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(contents.length);
        } catch (IOException e) {
            throw writeFailure(file, e);
        }
        try {
            OutputStream out = new BufferedOutputStream(Files.newOutputStream(file, StandardOpenOption.APPEND));
            return new ResultsFile(file, out, contents);
        } catch (IOException e) {
            throw writeFailure(file, e);
        }
    }

    /**
     * Hands every complete record of the results file {@code file} to {@code records} in file order: after
     * {@link #complete()}, the records of an uninterrupted run.
     *
     * @throws NoveltyException when the file holds results of another run or is not a results file
     */
    public static void records(Path file, ResultsHeader header, Consumer<JsonObject> records)
            throws NoveltyException {
        read(file, header, (record, offset, length) -> records.accept(record), new Contents());
    }

    /** What {@link #read} found: the records' places and keys, and how much of the file is complete. */
    private static final class Contents {
        // one String per source file instead of one per record: 100k keys would otherwise repeat each path
        private final Map<String, String> sources = new HashMap<>();
        private final Map<PassageKey, Span> records = new HashMap<>();
        private final List<PassageKey> order = new ArrayList<>();
        private long headerLength;
        private long length;

        void add(JsonObject record, long offset, int lineLength) {
            JsonObject place = record.getAsJsonObject("source");
            String source = place.get("source").getAsString();
            PassageKey key = new PassageKey(sources.computeIfAbsent(source, s -> s), place.get("start").getAsInt(),
                    place.get("end").getAsInt(), TextNormalization.sha256(record.get("text").getAsString()));
            records.put(key, new Span(offset, lineLength));
            order.add(key);
        }
    }

    /** A record's line in the file, its line end included. */
    private record Span(long offset, int length) {
    }

    @FunctionalInterface
    private interface RecordVisitor {
        void visit(JsonObject record, long offset, int length);
    }

    /**
     * Reads the header and hands each complete record to {@code visitor}, setting {@code contents}' lengths: the
     * header's and what is kept (0 when not even the header line is complete).
     */
    private static void read(Path file, ResultsHeader header, RecordVisitor visitor, Contents contents)
            throws NoveltyException {
        long kept = 0;
        boolean first = true;
        try (InputStream in = Files.newInputStream(file)) {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                int from = 0;
                for (int i = 0; i < n; i++) {
                    if (buffer[i] != '\n') {
                        continue;
                    }
                    line.write(buffer, from, i - from);
                    from = i + 1;
                    JsonObject json = parsed(line.toString(StandardCharsets.UTF_8));
                    if (first) {
                        requireSameRun(file, json, header);
                        contents.headerLength = line.size() + 1;
                        first = false;
                    } else if (json == null || !json.has("source") || !json.has("text")) {
                        contents.length = kept;
                        return;
                    } else {
                        visitor.visit(json, kept, line.size() + 1);
                    }
                    kept += line.size() + 1;
                    line.reset();
                }
                line.write(buffer, from, n - from);
            }
        } catch (IOException e) {
            throw new NoveltyException(Kind.IO, CoreText.bind(CoreText.ResultsFile_readFailed, file, e), e);
        }
        contents.length = kept;
    }

    private static void requireSameRun(Path file, JsonObject json, ResultsHeader header) throws NoveltyException {
        if (json == null || !json.has(ResultsHeader.KEY) || !json.get(ResultsHeader.KEY).isJsonObject()) {
            throw new NoveltyException(Kind.BAD_INPUT, CoreText.bind(CoreText.ResultsFile_notResults, file));
        }
        ResultsHeader inFile = GSON.fromJson(json.get(ResultsHeader.KEY), ResultsHeader.class);
        String differences = header.differencesFrom(inFile);
        if (!differences.isEmpty()) {
            throw new NoveltyException(Kind.BAD_INPUT, CoreText.bind(CoreText.ResultsFile_otherRun, file, differences));
        }
    }

    private static JsonObject parsed(String line) {
        try {
            return JsonParser.parseString(line).getAsJsonObject();
        } catch (JsonParseException | IllegalStateException e) {
            return null;
        }
    }

    private static String headerLine(ResultsHeader header) {
        JsonObject json = new JsonObject();
        json.add(ResultsHeader.KEY, GSON.toJsonTree(header));
        return json.toString();
    }

    /**
     * Writes the records of the results file {@code file} (its header left out) to {@code target} as JSON Lines or
     * CSV, replacing {@code target} only once complete: the results view's export of a run it holds as rows.
     */
    public static void export(Path file, Path target, AnnotationFormat format) throws NoveltyException {
        try (AnnotationFile out = AnnotationFile.create(target, format);
                var lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = lines.readLine();
            if (header == null || parsed(header) == null || !parsed(header).has(ResultsHeader.KEY)) {
                throw new NoveltyException(Kind.BAD_INPUT, CoreText.bind(CoreText.ResultsFile_notResults, file));
            }
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                JsonObject record = parsed(line);
                if (record != null) {
                    out.write(format == AnnotationFormat.CSV ? RecordCsv.row(record) : line);
                }
            }
            out.commit();
        } catch (IOException e) {
            throw new NoveltyException(Kind.IO, CoreText.bind(CoreText.ResultsFile_readFailed, file, e), e);
        }
    }

    /** The passages whose records the file held when it was resumed. */
    public Set<PassageKey> finished() {
        return finished;
    }

    public Path path() {
        return file;
    }

    @Override
    public void accept(AnnotatedPassage passage) throws NoveltyException {
        accept(passage, ReportJson.object(passage.report(), passage.provenance()));
    }

    /**
     * Writes {@code record} as the record of {@code passage}: its {@link ReportJson} object, with fields of the
     * caller's added (a comparison adds where the passage lies on its map).
     */
    public void accept(AnnotatedPassage passage, JsonObject record) throws NoveltyException {
        PassageKey key = PassageKey.of(passage.provenance(), passage.report().text());
        long offset = length;
        int lineLength = writeLine(ReportJson.line(record));
        records.put(key, new Span(offset, lineLength));
        inFile.add(key);
        run.add(key);
    }

    /**
     * Whether the file holds the record of {@code passage}, so that a resumed run need not score it: the
     * {@code finished} test of {@link CorpusAnnotator#annotate(java.util.List, java.util.function.Predicate,
     * io.noveltylens.core.Progress, AnnotationSink)}. Asked for every passage of the run in its order, the file
     * learns which of its records still describe a passage and where each goes ({@link #complete()}).
     */
    public boolean resumes(PassageKey passage) {
        if (!finished.contains(passage)) {
            return false;
        }
        run.add(passage);
        return true;
    }

    /** Writes one line and its line end, returning their length in bytes. */
    private int writeLine(String line) throws NoveltyException {
        byte[] bytes = (line + '\n').getBytes(StandardCharsets.UTF_8);
        try {
            out.write(bytes);
        } catch (IOException e) {
            throw writeFailure(file, e);
        }
        length += bytes.length;
        return bytes.length;
    }

    /** Hands what was written to the operating system: a closed IDE or a killed process keeps it. */
    @Override
    public void fileDone() throws NoveltyException {
        try {
            out.flush();
        } catch (IOException e) {
            throw writeFailure(file, e);
        }
    }

    /**
     * Ends a run that went over every passage of its sources (a cancelled or failed run is only closed): when the
     * file holds records of passages that no longer exist (their source deleted, or their text or place changed
     * since an earlier run) or holds its records in another order than the run's (sources added before others),
     * rewrites it with the run's records in the run's order, so that it equals the file of an uninterrupted run over
     * the sources as they are now. The rewrite goes to a temporary file renamed over this one at the end: if it
     * fails, the file keeps every record it had. Closes the file.
     *
     * @return the number of records dropped because their passage no longer exists
     */
    public int complete() throws NoveltyException {
        close();
        if (inFile.equals(run)) {
            return 0;
        }
        Set<PassageKey> live = new HashSet<>(run);
        int stale = (int) new HashSet<>(inFile).stream().filter(key -> !live.contains(key)).count();
        Path temporary = null;
        try (FileChannel source = FileChannel.open(file, StandardOpenOption.READ)) {
            temporary = ReplacedFile.temporaryBeside(file.toAbsolutePath());
            try (FileChannel target = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                // records that follow each other in the file are copied as one run of bytes: in a file whose
                // passages were mostly resumed in order, that is a few large copies instead of one per record
                long from = 0;
                long length = headerLength;
                for (PassageKey key : run) {
                    Span span = records.get(key);
                    if (span.offset() != from + length) {
                        copy(source, from, length, target);
                        from = span.offset();
                        length = 0;
                    }
                    length += span.length();
                }
                copy(source, from, length, target);
                target.force(false);
            }
            ReplacedFile.moveOver(temporary, file);
        } catch (IOException e) {
            ReplacedFile.deleteQuietly(temporary);
            throw new NoveltyException(Kind.IO, CoreText.bind(CoreText.ResultsFile_rewriteFailed, file, e), e);
        }
        return stale;
    }

    private static void copy(FileChannel source, long offset, long length, FileChannel target) throws IOException {
        for (long done = 0; done < length;) {
            long copied = source.transferTo(offset + done, length - done, target);
            if (copied <= 0) {
                throw new IOException("the file ended at byte " + (offset + done) + " of a record");
            }
            done += copied;
        }
    }

    /** Keeps every complete record written so far, also after a cancel or a failure. */
    @Override
    public void close() throws NoveltyException {
        try {
            out.close();
        } catch (IOException e) {
            throw writeFailure(file, e);
        }
    }

    private static NoveltyException writeFailure(Path file, IOException e) {
        return new NoveltyException(Kind.IO, CoreText.bind(CoreText.ResultsFile_writeFailed, file, e), e);
    }
}
