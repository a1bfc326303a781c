package io.noveltylens.core.embed;

import java.io.IOException;
import java.nio.file.Path;

import io.noveltylens.core.CoreText;
import io.noveltylens.core.NoveltyException;

/**
 * Identifies the exact model an index was built with: the descriptor's id plus SHA-256 of the ONNX and tokenizer
 * files, so that an index from a retrained or re-exported model under the same id is refused rather than mixed.
 * Hashing the 90 MB MiniLM file takes about 0.3 s on 2 cores, so embedders compute it once, in the background
 * ({@link Embedder#fingerprint()}), and remember it across runs in their cache folder ({@link FileDigests}).
 */
public record ModelFingerprint(String modelId, String onnxSha256, String tokenizerSha256) {

    /** Hashes the model's files, without remembering anything. */
    public static ModelFingerprint of(ModelDescriptor model) throws NoveltyException {
        return of(model, null);
    }

    /** Hashes the model's files, or takes the digests remembered under {@code cacheDir} for unchanged files. */
    static ModelFingerprint of(ModelDescriptor model, Path cacheDir) throws NoveltyException {
        FileDigests digests = new FileDigests(cacheDir);
        return new ModelFingerprint(model.id(), sha256(digests, model.onnx()), sha256(digests, model.tokenizer()));
    }

    private static String sha256(FileDigests digests, Path file) throws NoveltyException {
        try {
            return digests.sha256(file);
        } catch (IOException e) {
            throw new NoveltyException(NoveltyException.Kind.MODEL,
                    CoreText.bind(CoreText.ModelFingerprint_unreadable, file, e),
                    e);
        }
    }
}
