package io.noveltylens.core.corpus;

import java.io.IOException;
import java.util.List;

import io.noveltylens.core.NoveltyException;

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

    /** Refuses a corpus too small to index: the density statistics need every passage to have a neighbour. */
    public void requireTwoPassages() throws NoveltyException {
        if (passages.count() >= 2) {
            return;
        }
        String why = skipped.isEmpty() ? "Add text files (.txt, .md, .tex, .html, .jsonl) to the corpus."
                : skipped.size() + " source(s) were skipped, e.g. " + skipped.get(0).source() + ": "
                        + skipped.get(0).detail();
        throw new NoveltyException(NoveltyException.Kind.CORPUS, "The corpus has " + passages.count()
                + " usable passage(s); at least 2 are needed. " + why);
    }

    @Override
    public void close() throws IOException {
        passages.close();
    }
}
