package io.noveltylens.core.corpus;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns a file's bytes into text, or says why it cannot: binary content, or bytes that are not valid in the encoding
 * its byte-order mark (or the absence of one: UTF-8) announces. Decoding is strict, so a mis-encoded file is
 * reported, never indexed as mojibake.
 */
final class SourceDecoder {

    /** NUL bytes in the first 8 KiB mark binary files (the heuristic git and grep use). UTF-16 text is exempt. */
    private static final int BINARY_PROBE = 8192;

    /** The decoded text, or the reason it could not be decoded. */
    record Decoded(String text, SkippedSource.Reason failure, String detail) {
    }

    private SourceDecoder() {
    }

    static Decoded decode(byte[] bytes) {
        if (bytes.length == 0) {
            return failure(SkippedSource.Reason.EMPTY, "the file is empty"); //$NON-NLS-1$
        }
        Charset charset = StandardCharsets.UTF_8;
        int bom = 0;
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            bom = 3;
        } else if (startsWith(bytes, 0xFE, 0xFF)) {
            charset = StandardCharsets.UTF_16BE;
            bom = 2;
        } else if (startsWith(bytes, 0xFF, 0xFE)) {
            charset = StandardCharsets.UTF_16LE;
            bom = 2;
        }
        if (charset == StandardCharsets.UTF_8 && containsNul(bytes)) {
            return failure(SkippedSource.Reason.BINARY, "the file contains NUL bytes: it looks binary"); //$NON-NLS-1$
        }
        try {
            String text = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, bom, bytes.length - bom)).toString();
            if (text.isBlank()) {
                return failure(SkippedSource.Reason.EMPTY, "the file holds only whitespace"); //$NON-NLS-1$
            }
            return new Decoded(text, null, null);
        } catch (CharacterCodingException e) {
            return failure(SkippedSource.Reason.INVALID_ENCODING,
                    "the bytes are not valid " + charset.name() + "; save the file as UTF-8"); //$NON-NLS-1$ //$NON-NLS-2$
        }
    }

    private static Decoded failure(SkippedSource.Reason reason, String detail) {
        return new Decoded(null, reason, detail);
    }

    private static boolean containsNul(byte[] bytes) {
        for (int i = 0, n = Math.min(bytes.length, BINARY_PROBE); i < n; i++) {
            if (bytes[i] == 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
