package io.noveltylens.core.corpus;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The canonical form of a passage's text, and the hash that identifies it across builds. */
public final class TextNormalization {

    private TextNormalization() {
    }

    /** Collapses runs of whitespace to one space and trims: layout does not change what a passage says. */
    public static String collapseWhitespace(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }

    /** SHA-256 of the UTF-8 bytes, hex. */
    public static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
