package io.noveltylens.core.annotate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.HashSet;
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
import io.noveltylens.core.corpus.TextNormalization;
import io.noveltylens.core.export.RecordCsv;
import io.noveltylens.core.export.ReportJson;

/**
 * The results of an annotation run streamed to disk as they come, so that a run over 100k passages holds none of them
 * and a cancelled, failed or killed run loses at most the source file it was reading: a JSON Lines file whose first
 * line is a {@link ResultsHeader} and whose other lines are {@link ReportJson} records, flushed after every source
 * file. {@link #resume} reads such a file back: its records are the passages a rerun does not score again, a last
 * line cut short by a crash (or anything unreadable from there on) is cut off and scored again, and a file of another
 * run is refused.
 */
public final class ResultsFile implements AnnotationSink, AutoCloseable {

    private static final Gson GSON = new Gson();

    private final Path file;
    private final Writer out;
    private final Set<PassageKey> finished;

    private ResultsFile(Path file, Writer out, Set<PassageKey> finished) {
        this.file = file;
        this.out = out;
        this.finished = finished;
    }

    /** Starts {@code file} over with {@code header}, replacing what it held. */
    public static ResultsFile create(Path file, ResultsHeader header) throws NoveltyException {
        try {
            Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
            ResultsFile results = new ResultsFile(file, out, Set.of());
            results.writeLine(headerLine(header));
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
        Set<PassageKey> finished = new HashSet<>();
        long complete = read(file, header, earlier, finished);
        if (complete == 0) {
            return create(file, header);
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(complete);
        } catch (IOException e) {
            throw writeFailure(file, e);
        }
        try {
            Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
            return new ResultsFile(file, out, Set.copyOf(finished));
        } catch (IOException e) {
            throw writeFailure(file, e);
        }
    }

    /**
     * Reads the header and the complete records, returning the length in bytes of what is kept: 0 when not even
     * the header line is complete.
     */
    private static long read(Path file, ResultsHeader header, Consumer<ResultRow> earlier,
            Set<PassageKey> finished) throws NoveltyException {
        // one String per source file instead of one per record: 100k keys would otherwise repeat each path
        Map<String, String> sources = new HashMap<>();
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
                        first = false;
                    } else if (json == null || !json.has("source") || !json.has("text")) {
                        return kept;
                    } else {
                        finished.add(key(json, sources));
                        earlier.accept(ResultRow.of(json));
                    }
                    kept += line.size() + 1;
                    line.reset();
                }
                line.write(buffer, from, n - from);
            }
        } catch (IOException e) {
            throw new NoveltyException(Kind.IO, CoreText.bind(CoreText.ResultsFile_readFailed, file, e), e);
        }
        return kept;
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

    private static PassageKey key(JsonObject record, Map<String, String> sources) {
        JsonObject place = record.getAsJsonObject("source");
        String source = place.get("source").getAsString();
        return new PassageKey(sources.computeIfAbsent(source, s -> s), place.get("start").getAsInt(),
                place.get("end").getAsInt(), TextNormalization.sha256(record.get("text").getAsString()));
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
        writeLine(ReportJson.line(passage.report(), passage.provenance()));
    }

    private void writeLine(String line) throws NoveltyException {
        try {
            out.write(line);
            out.write('\n');
        } catch (IOException e) {
            throw writeFailure(file, e);
        }
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
