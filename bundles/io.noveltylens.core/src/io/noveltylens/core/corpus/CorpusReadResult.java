package io.noveltylens.core.corpus;

import java.util.List;

/**
 * What reading a corpus produced: the distinct passages (with every copy's provenance), the sources read, the sources
 * skipped with their reasons, and how many passages were read before de-duplication.
 */
public record CorpusReadResult(List<CorpusPassage> passages, List<SourceDigest> sources, List<SkippedSource> skipped,
        int passagesRead) {

    public CorpusReadResult {
        passages = List.copyOf(passages);
        sources = List.copyOf(sources);
        skipped = List.copyOf(skipped);
    }
}
