package io.noveltylens.core.drafts;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;

import io.noveltylens.core.ReplacedFile;

/**
 * The drafts store's list of files, persisted as JSON ({@code drafts.json}): the folder they came from and, per file,
 * its digest and passages with their texts. Vectors are not here but in the store's embedding cache, keyed by the
 * passages' content hashes. Written whole or not at all ({@link ReplacedFile}), so a crash keeps the previous list.
 *
 * @param format the version of this layout; another one is read as an empty store (it is rebuilt from the files)
 * @param root   the folder the files were listed from, absolute; null before the first update
 */
record DraftsManifest(int format, String root, List<DraftFile> files) {

    static final String FILE_NAME = "drafts.json";
    static final int FORMAT = 1;
    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

    static DraftsManifest empty() {
        return new DraftsManifest(FORMAT, null, List.of());
    }

    /**
     * The manifest in {@code directory}; a missing, damaged or other-format one reads as empty, which costs the next
     * update a reading of the files (their embeddings are still in the cache), never the writer's text.
     */
    static DraftsManifest read(Path directory) throws IOException {
        try (Reader in = Files.newBufferedReader(directory.resolve(FILE_NAME), StandardCharsets.UTF_8)) {
            DraftsManifest manifest = GSON.fromJson(in, DraftsManifest.class);
            return manifest == null || manifest.format() != FORMAT || manifest.files() == null ? empty() : manifest;
        } catch (NoSuchFileException e) {
            return empty();
        } catch (RuntimeException e) {
            // Gson's JsonParseException, or a record constructor refusing what a damaged file holds
            return empty();
        }
    }

    void write(Path directory) throws IOException {
        ReplacedFile.write(directory.resolve(FILE_NAME), GSON.toJson(this));
    }
}
