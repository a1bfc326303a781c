package io.noveltylens.core.corpus;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;

import io.noveltylens.core.Progress;

/**
 * The text of one corpus file, read line by line so that a file of any size costs one buffer and one line of memory.
 * Line breaks are normalised ({@code \r\n} and {@code \r} become {@code \n}) and offsets count characters of the
 * normalised text; {@link #sourceOffset} turns them into offsets of the file's own text, which passages' provenance
 * records (an editor's document keeps {@code \r\n}, so a marker placed by normalised offsets would drift by a character
 * a line). Decoding is strict and the digest covers exactly the bytes decoded, so
 * what a build embeds and the digest it records always describe the same content, even if the file changes meanwhile.
 * Cancellation is checked before every buffer read, which takes milliseconds.
 */
final class SourceText implements AutoCloseable {

    private static final int BUFFER = 1 << 16;

    /** Why a file cannot be read into the corpus; its passages read so far must be discarded. */
    static final class Unreadable extends Exception {

        private static final long serialVersionUID = 1L;

        final transient SkippedSource.Reason reason;

        Unreadable(SkippedSource.Reason reason, String detail) {
            super(detail);
            this.reason = reason;
        }
    }

    private final InputStream in;
    private final long maxBytes;
    private final boolean gzip;
    private final MessageDigest digest;
    private final ByteBuffer bytes = ByteBuffer.allocate(BUFFER);
    private final CharBuffer chars = CharBuffer.allocate(BUFFER);
    private final StringBuilder line = new StringBuilder();
    private CharsetDecoder decoder;
    private long bytesRead;
    private boolean endOfBytes;
    private boolean flushed;
    private boolean carriageReturn;
    private boolean visible;
    private int offset;
    /** Normalised offsets of the line breaks that were {@code \r\n} in the file, ascending. */
    private int[] crlfBreaks = new int[64];
    private int crlfCount;
    private int nextLineStart;
    private int lineStart;
    private int lineNumber;
    private boolean terminated;

    private SourceText(InputStream in, long maxBytes, boolean gzip) {
        this.in = in;
        this.maxBytes = maxBytes;
        this.gzip = gzip;
        try {
            this.digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
        chars.flip();
    }

    /**
     * Opens a file (looking through {@code .gz}) and checks what its first bytes tell: empty, binary (NUL bytes in the
     * first 8 KiB, the heuristic git and grep use; UTF-16 is exempt) or the encoding its byte-order mark announces.
     * {@code progress} is told the KiB of the file (as stored) each read consumes.
     */
    static SourceText open(Path file, long maxBytes, Progress progress) throws Unreadable {
        try {
            return open(file, Files.size(file), maxBytes, progress);
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    private static SourceText open(Path file, long size, long maxBytes, Progress progress)
            throws IOException, Unreadable {
        if (size > maxBytes) {
            throw new Unreadable(SkippedSource.Reason.TOO_LARGE,
                    size + " bytes; the limit is " + maxBytes + ": split the file");
        }
        boolean gzip = SourceFormat.isGzip(file.getFileName().toString());
        InputStream raw = new ProgressInputStream(Files.newInputStream(file), progress);
        try {
            SourceText text = new SourceText(gzip ? new GZIPInputStream(raw, BUFFER) : raw, maxBytes, gzip);
            text.start();
            return text;
        } catch (IOException | Unreadable | RuntimeException e) {
            raw.close();
            throw e;
        }
    }

    private void start() throws IOException, Unreadable {
        byte[] head = in.readNBytes(8192);
        count(head, head.length);
        if (head.length == 0) {
            throw new Unreadable(SkippedSource.Reason.EMPTY, "the file is empty");
        }
        Charset charset = StandardCharsets.UTF_8;
        int bom = 0;
        if (startsWith(head, 0xEF, 0xBB, 0xBF)) {
            bom = 3;
        } else if (startsWith(head, 0xFE, 0xFF)) {
            charset = StandardCharsets.UTF_16BE;
            bom = 2;
        } else if (startsWith(head, 0xFF, 0xFE)) {
            charset = StandardCharsets.UTF_16LE;
            bom = 2;
        }
        if (charset == StandardCharsets.UTF_8 && containsNul(head)) {
            throw new Unreadable(SkippedSource.Reason.BINARY, "the file contains NUL bytes: it looks binary");
        }
        decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        bytes.put(head, bom, head.length - bom).flip();
        endOfBytes = head.length < 8192;
    }

    /** The next line without its line break, or null after the last one. A final empty line is not a line. */
    String nextLine() throws Unreadable {
        while (true) {
            while (chars.hasRemaining()) {
                char c = chars.get();
                if (carriageReturn) {
                    carriageReturn = false;
                    if (c == '\n') {
                        recordCrlf(offset - 1);
                        continue;
                    }
                }
                if (c == '\r') {
                    carriageReturn = true;
                    c = '\n';
                }
                offset++;
                if (c == '\n') {
                    return finishLine(true);
                }
                visible |= !Character.isWhitespace(c);
                line.append(c);
            }
            if (!decodeMore()) {
                return line.isEmpty() ? null : finishLine(false);
            }
        }
    }

    private String finishLine(boolean endedByBreak) {
        lineStart = nextLineStart;
        lineNumber++;
        terminated = endedByBreak;
        nextLineStart = offset;
        String text = line.toString();
        line.setLength(0);
        return text;
    }

    /** Offset of the last line's first character in the normalised text. */
    int lineStart() {
        return lineStart;
    }

    /**
     * The offset in the file's text (as decoded, without a byte-order mark) of a normalised offset: one more for every
     * {@code \r\n} before it.
     */
    int sourceOffset(int normalised) {
        // the breaks are distinct and ascending: found or not, the index is the number of breaks before the offset
        int at = Arrays.binarySearch(crlfBreaks, 0, crlfCount, normalised);
        return normalised + (at >= 0 ? at : -at - 1);
    }

    private void recordCrlf(int normalised) {
        if (crlfCount == crlfBreaks.length) {
            crlfBreaks = Arrays.copyOf(crlfBreaks, 2 * crlfCount);
        }
        crlfBreaks[crlfCount++] = normalised;
    }

    /** 1-based number of the last line. */
    int lineNumber() {
        return lineNumber;
    }

    /** Whether the last line ended with a line break (the last line of a file may not). */
    boolean terminated() {
        return terminated;
    }

    /**
     * The SHA-256 of the (uncompressed) bytes read, once every line has been read.
     *
     * @throws Unreadable when the text held nothing but whitespace
     */
    String finish() throws Unreadable {
        if (!visible) {
            throw new Unreadable(SkippedSource.Reason.EMPTY, "the file holds only whitespace");
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static Unreadable unreadable(IOException e) {
        String detail = e instanceof AccessDeniedException ? "permission denied"
                : e instanceof NoSuchFileException ? "deleted while reading" : String.valueOf(e.getMessage());
        return new Unreadable(SkippedSource.Reason.UNREADABLE, detail);
    }

    /** Decodes the next characters into {@link #chars}; false at the end of the text. */
    private boolean decodeMore() throws Unreadable {
        chars.clear();
        while (chars.position() == 0 && !flushed) {
            CoderResult result = decoder.decode(bytes, chars, endOfBytes);
            if (result.isError()) {
                throw invalidEncoding();
            }
            if (result.isOverflow()) {
                break;
            }
            if (!endOfBytes) {
                try {
                    readMoreBytes();
                } catch (IOException e) {
                    throw unreadable(e);
                }
            } else if (decoder.flush(chars).isError()) {
                throw invalidEncoding();
            } else {
                flushed = true;
            }
        }
        chars.flip();
        return chars.hasRemaining();
    }

    private Unreadable invalidEncoding() {
        return new Unreadable(SkippedSource.Reason.INVALID_ENCODING,
                "the bytes are not valid " + decoder.charset().name() + "; save the file as UTF-8");
    }

    private void readMoreBytes() throws IOException, Unreadable {
        bytes.compact();
        int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
        if (n < 0) {
            endOfBytes = true;
        } else {
            count(bytes.array(), bytes.position(), n);
            bytes.position(bytes.position() + n);
        }
        bytes.flip();
    }

    private void count(byte[] data, int length) throws Unreadable {
        count(data, 0, length);
    }

    private void count(byte[] data, int from, int length) throws Unreadable {
        digest.update(data, from, length);
        bytesRead += length;
        if (bytesRead > maxBytes) {
            throw new Unreadable(SkippedSource.Reason.TOO_LARGE, gzip ? "more than " + maxBytes
                    + " bytes uncompressed" : "it grew past the limit of " + maxBytes + " bytes while being read");
        }
    }

    private static boolean containsNul(byte[] head) {
        for (byte b : head) {
            if (b == 0) {
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

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            // nothing was written: closing a file read to the end cannot lose anything
        }
    }

    /** The file's bytes as stored: each read checks for cancellation and reports the KiB it consumed. */
    private static final class ProgressInputStream extends FilterInputStream {

        private final Progress progress;
        private long bytes;

        ProgressInputStream(InputStream in, Progress progress) {
            super(in);
            this.progress = progress;
        }

        @Override
        public int read(byte[] buffer, int from, int length) throws IOException {
            progress.checkCanceled();
            int n = super.read(buffer, from, length);
            if (n > 0) {
                int kibBefore = (int) (bytes >> 10);
                bytes += n;
                progress.worked((int) (bytes >> 10) - kibBefore);
            }
            return n;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }
    }
}
