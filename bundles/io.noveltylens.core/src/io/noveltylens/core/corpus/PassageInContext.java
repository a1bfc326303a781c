package io.noveltylens.core.corpus;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.noveltylens.core.CoreText;
import io.noveltylens.core.NoveltyException;
import io.noveltylens.core.NoveltyException.Kind;

/**
 * A corpus passage with the passages before and after it in its source, as the index cut them: what a reader needs
 * to judge a match. {@code before} and {@code after} are empty at the ends of the source.
 */
public record PassageInContext(String before, Passage passage, String after) {

    /**
     * Reads {@code file} with {@code reader} (the splitter the index was built with) and finds the passage that
     * starts and ends where {@code where} says.
     *
     * @throws NoveltyException when the file cannot be read or no longer holds the passage there (it changed since
     *                          the index was built)
     */
    public static PassageInContext read(CorpusReader reader, Path file, Provenance where) throws NoveltyException {
        List<SkippedSource> skipped = new ArrayList<>();
        List<Passage> passages = reader.passages(file, skipped);
        if (!skipped.isEmpty()) {
            throw new NoveltyException(Kind.CORPUS, CoreText.bind(CoreText.PassageInContext_unreadable, file,
                    skipped.get(0).detail()));
        }
        for (int i = 0; i < passages.size(); i++) {
            Provenance at = passages.get(i).provenance();
            if (at.startOffset() == where.startOffset() && at.endOffset() == where.endOffset()) {
                return new PassageInContext(i > 0 ? passages.get(i - 1).text() : "", passages.get(i),
                        i + 1 < passages.size() ? passages.get(i + 1).text() : "");
            }
        }
        throw new NoveltyException(Kind.CORPUS, CoreText.bind(CoreText.PassageInContext_moved, file, where.line()));
    }
}
