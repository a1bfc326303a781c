package io.noveltylens.core.history;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Short SHA-256 digests: of a paragraph's text, to recognise it unchanged in another save without storing the
 * writer's text in the workspace's metadata, and of a document's path, to name its history file.
 */
public final class TextHash {

    /** 64 bits: a chance collision between two paragraphs of one document is negligible. */
    static final int HEX_CHARS = 16;

    private TextHash() {
    }

    /** The digest of {@code text} with its runs of white space made one space, so reflowing a paragraph keeps it. */
    public static String ofParagraph(String text) {
        return of(text.strip().replaceAll("\\s+", " "));
    }

    static String of(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, HEX_CHARS);
        } catch (NoSuchAlgorithmException e) {
            // every Java runtime must provide SHA-256
            throw new IllegalStateException(e);
        }
    }
}
