package io.noveltylens.core.history;

import io.noveltylens.core.corpus.SourceDigest;
import io.noveltylens.core.index.IndexMetadata;

/**
 * Names the corpus and model a save was read with, so that a history never draws readouts of two corpora on one line:
 * a percentile is a rank among one corpus's own text. Built from what the index records of its model (the files'
 * digests), its k and its sources' contents, and not from when it was built: rebuilding the same corpus with the
 * same model (after an upgrade of the index format) continues the line.
 */
public final class CorpusFingerprint {

    private CorpusFingerprint() {
    }

    public static String of(IndexMetadata index) {
        StringBuilder text = new StringBuilder().append(index.modelSha256()).append('\n')
                .append(index.tokenizerSha256()).append('\n').append(index.k()).append('\n')
                .append(index.passages());
        index.sources().stream().map(SourceDigest::sha256).sorted().forEach(digest -> text.append('\n').append(digest));
        return TextHash.of(text.toString());
    }
}
