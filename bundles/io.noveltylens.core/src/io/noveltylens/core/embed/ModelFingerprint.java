package io.noveltylens.core.embed;

import java.io.IOException;
import java.nio.file.Path;

import io.noveltylens.core.CoreText;
import io.noveltylens.core.NoveltyException;

/**
 * Identifies the exact model an index was built with: the descriptor's id plus SHA-256 of the ONNX and tokenizer
 * files, so that an index from a retrained or re-exported model under the same id is refused rather than mixed.
 * Hashing the 90 MB MiniLM file takes about 0.3 s on 2 cores, so embedders take it from their cache folder when the
 * files look unchanged ({@link FileDigests}), and hash them again in the background to prove it
 * ({@link Embedder#verifiedFingerprint()}).
 */
public record ModelFingerprint(String modelId, String onnxSha256, String tokenizerSha256) {

    /** Hashes the model's files, without remembering anything. */
    public static ModelFingerprint of(ModelDescriptor model) throws NoveltyException {
        return of(model, new FileDigests(null));
    }

    /** Hashes the model's files, or takes the digests {@code digests} remembers for files that look unchanged. */
    static ModelFingerprint of(ModelDescriptor model, FileDigests digests) throws NoveltyException {
        return new ModelFingerprint(model.id(), sha256(digests, model.onnx(), false),
                sha256(digests, model.tokenizer(), false));
    }

    /** Hashes the model's files now, whatever {@code digests} remembers, and has it remember these digests. */
    static ModelFingerprint hashed(ModelDescriptor model, FileDigests digests) throws NoveltyException {
        return new ModelFingerprint(model.id(), sha256(digests, model.onnx(), true),
                sha256(digests, model.tokenizer(), true));
    }

    private static String sha256(FileDigests digests, Path file, boolean rehash) throws NoveltyException {
        try {
            return rehash ? digests.rehash(file) : digests.sha256(file);
        } catch (IOException e) {
            throw new NoveltyException(NoveltyException.Kind.MODEL,
                    CoreText.bind(CoreText.ModelFingerprint_unreadable, file, e),
                    e);
        }
    }
}
