package io.noveltylens.core.corpus;

/** A source that was read: its path, the SHA-256 of its bytes and how many passages it gave. */
public record SourceDigest(String source, String sha256, int passages) {
}
