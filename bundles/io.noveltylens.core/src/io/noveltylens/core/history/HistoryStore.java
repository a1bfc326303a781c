package io.noveltylens.core.history;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;

import io.noveltylens.core.CoreText;
import io.noveltylens.core.NoveltyException;
import io.noveltylens.core.NoveltyException.Kind;
import io.noveltylens.core.ReplacedFile;

/**
 * The novelty histories of documents, one small JSON file per document in a folder the front end gives (the IDE: the
 * UI plug-in's state location), named by a hash of the document's path. Bounded: the last {@value #MAX_SAVES} saves
 * of a document and the {@value #MAX_DOCUMENTS} most recently saved documents are kept, the oldest dropped. Every
 * file is replaced whole ({@link ReplacedFile}), so a crash mid-write leaves the previous history. A file that cannot
 * be read is set aside as {@code NAME.corrupt} with a warning, and the document's history starts again: a damaged
 * history never stops a save from being recorded, and what it held stays on disk for whoever wants to look.
 * Thread-safe.
 */
public final class HistoryStore {

    /** Saves kept per document: at one save a minute, an afternoon of writing. */
    public static final int MAX_SAVES = 100;
    /**
     * Documents kept. A paragraph takes about 165 bytes of JSON: 0.7 MB for a document of 40 paragraphs at 100 saves,
     * so even 200 such documents stay near 130 MB; ordinary use stays far below.
     */
    public static final int MAX_DOCUMENTS = 200;
    static final String SUFFIX = ".json";
    static final String SET_ASIDE = ".corrupt";
    private static final int FORMAT = 1;
    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping()
            .serializeSpecialFloatingPointValues().create();

    private final Path folder;
    private final Consumer<String> warnings;

    /** @param warnings receives a message for every history file that could not be read and was set aside */
    public HistoryStore(Path folder, Consumer<String> warnings) {
        this.folder = folder;
        this.warnings = warnings;
    }

    /** The document's history; empty when it has none, or when its file could not be read (which is set aside). */
    public synchronized DocumentHistory load(String document) {
        Path file = fileOf(document);
        if (!Files.exists(file)) {
            return DocumentHistory.empty(document);
        }
        String json;
        try {
            json = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return setAside(document, file, e.toString());
        }
        try {
            Stored stored = GSON.fromJson(json, Stored.class);
            String problem = stored == null ? "empty file" : stored.problem(document);
            return problem == null ? new DocumentHistory(document, stored.saves) : setAside(document, file, problem);
        } catch (RuntimeException e) {
            // Gson reports malformed JSON as JsonParseException or IllegalStateException, and a record whose
            // constructor refused its parts (a null list) as a plain RuntimeException: all mean a damaged file
            return setAside(document, file, e.getMessage());
        }
    }

    /**
     * Adds {@code save} to the document's history, keeping its last {@value #MAX_SAVES} saves, then drops the least
     * recently saved documents beyond {@value #MAX_DOCUMENTS}; returns the history as stored.
     */
    public synchronized DocumentHistory append(String document, SaveReading save) throws NoveltyException {
        List<SaveReading> saves = new ArrayList<>(load(document).saves());
        saves.add(save);
        List<SaveReading> kept = saves.subList(Math.max(0, saves.size() - MAX_SAVES), saves.size());
        DocumentHistory history = new DocumentHistory(document, kept);
        Path file = fileOf(document);
        try {
            Files.createDirectories(folder);
            ReplacedFile.write(file, GSON.toJson(new Stored(FORMAT, document, history.saves())));
            // the file's time is its last save's, which orders the documents for dropping the oldest
            Files.setLastModifiedTime(file, FileTime.fromMillis(save.savedAtMillis()));
            dropOldestDocuments();
        } catch (IOException e) {
            throw new NoveltyException(Kind.IO, CoreText.bind(CoreText.HistoryStore_writeFailed, file, e), e);
        }
        return history;
    }

    /** The file holding {@code document}'s history. */
    Path fileOf(String document) {
        return folder.resolve(TextHash.of(document) + SUFFIX);
    }

    private void dropOldestDocuments() throws IOException {
        List<Path> files;
        try (Stream<Path> listed = Files.list(folder)) {
            files = listed.filter(path -> path.getFileName().toString().endsWith(SUFFIX)).toList();
        }
        if (files.size() <= MAX_DOCUMENTS) {
            return;
        }
        List<Path> oldestFirst = new ArrayList<>(files);
        oldestFirst.sort(Comparator.comparing(HistoryStore::savedAt).thenComparing(Path::toString));
        for (Path file : oldestFirst.subList(0, files.size() - MAX_DOCUMENTS)) {
            Files.deleteIfExists(file);
        }
    }

    private static FileTime savedAt(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            // deleted meanwhile: first in line to go anyway
            return FileTime.fromMillis(0);
        }
    }

    private DocumentHistory setAside(String document, Path file, String problem) {
        Path aside = file.resolveSibling(file.getFileName() + SET_ASIDE);
        try {
            ReplacedFile.moveOver(file, aside);
            warnings.accept(CoreText.bind(CoreText.HistoryStore_unreadable, document, file, problem, aside));
        } catch (IOException e) {
            warnings.accept(CoreText.bind(CoreText.HistoryStore_unreadableKept, document, file, problem, e));
        }
        return DocumentHistory.empty(document);
    }

    /**
     * The file's content. The document's path is kept so that a file found under another document's name is never
     * read as that document's history.
     */
    private record Stored(int format, String document, List<SaveReading> saves) {

        /** What makes this file unusable as {@code expected}'s history, or null. */
        String problem(String expected) {
            if (format != FORMAT) {
                return "format " + format + ", expected " + FORMAT;
            }
            if (!expected.equals(document)) {
                return "it holds the history of " + document;
            }
            if (saves == null || saves.stream().anyMatch(save -> save == null || save.corpus() == null
                    || save.paragraphs().stream().anyMatch(p -> p == null || p.hash() == null || p.level() == null))) {
                return "a save or a paragraph lacks its readouts";
            }
            return null;
        }
    }
}
