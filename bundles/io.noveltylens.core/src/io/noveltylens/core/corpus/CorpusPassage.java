package io.noveltylens.core.corpus;

import java.util.List;

/**
 * A distinct passage of a corpus: identical passages (after whitespace normalisation) are stored and embedded once,
 * and keep the provenance of every copy. {@code contentHash} identifies the text for incremental re-indexing.
 */
public record CorpusPassage(String text, String contentHash, List<Provenance> sources) {

    public CorpusPassage {
        sources = List.copyOf(sources);
    }
}
