package io.noveltylens.core.corpus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.noveltylens.core.NoveltyException;
import io.noveltylens.core.Progress;

/** A corpus read by {@link CorpusReader} with every distinct passage read back into memory: small corpora only. */
record ReadCorpus(List<CorpusPassage> passages, List<SourceDigest> sources, List<SkippedSource> skipped,
        int passagesRead) {

    static ReadCorpus read(CorpusReader reader, List<Path> roots) throws NoveltyException, IOException {
        Path scratch = Files.createTempDirectory("novelty-reading");
        try (CorpusReadResult result = reader.read(roots, scratch, Progress.NONE);
                DistinctPassages.Cursor cursor = result.passages().cursor()) {
            List<CorpusPassage> passages = new ArrayList<>();
            for (List<CorpusPassage> batch = cursor.next(1000); !batch.isEmpty(); batch = cursor.next(1000)) {
                passages.addAll(batch);
            }
            return new ReadCorpus(passages, result.sources(), result.skipped(), result.passagesRead());
        } finally {
            Files.delete(scratch);
        }
    }
}
