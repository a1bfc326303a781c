package io.noveltylens.core.corpus;

import java.io.IOException;
import java.util.List;

/**
 * What reading a corpus produced: the distinct passages (with every copy's provenance, their texts in a scratch file
 * that closing deletes), the sources read and the sources skipped with their reasons.
 */
public record CorpusReadResult(DistinctPassages passages, List<SourceDigest> sources, List<SkippedSource> skipped)
        implements AutoCloseable {

    public CorpusReadResult {
        sources = List.copyOf(sources);
        skipped = List.copyOf(skipped);
    }

    /** How many passages were read before de-duplication. */
    public int passagesRead() {
        return passages.passagesRead();
    }

    @Override
    public void close() throws IOException {
        passages.close();
    }
}
