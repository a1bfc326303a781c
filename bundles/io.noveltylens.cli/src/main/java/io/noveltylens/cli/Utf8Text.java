package io.noveltylens.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import io.noveltylens.core.NoveltyException;
import io.noveltylens.core.NoveltyException.Kind;

/**
 * Text the CLI reads itself (standard input, --file, vector files), decoded strictly: bytes that are not UTF-8 are
 * refused with where they are, instead of becoming replacement characters that would be scored as if they were text.
 */
final class Utf8Text {

    private Utf8Text() {
    }

    static String read(Path file) throws NoveltyException {
        try {
            return decode(Files.readAllBytes(file), file.toString());
        } catch (IOException e) {
            throw new NoveltyException(Kind.BAD_INPUT, "Cannot read " + file + " (" + e + "): check the path and the "
                    + "permissions.", e);
        }
    }

    static String read(InputStream in) throws NoveltyException {
        try {
            return decode(in.readAllBytes(), "Standard input");
        } catch (IOException e) {
            throw new NoveltyException(Kind.BAD_INPUT, "Cannot read standard input (" + e + ").", e);
        }
    }

    static String decode(byte[] bytes, String source) throws NoveltyException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer input = ByteBuffer.wrap(bytes);
        // UTF-8 never decodes to more UTF-16 chars than it has bytes
        CharBuffer text = CharBuffer.allocate(bytes.length);
        if (decoder.decode(input, text, true).isError()) {
            int offset = input.position();
            throw new NoveltyException(Kind.BAD_INPUT, String.format(
                    "%s is not UTF-8 text: byte %,d (line %,d) is not part of a UTF-8 character. Give text in UTF-8: "
                            + "convert text in another encoding first (e.g. iconv -f WINDOWS-1252 -t UTF-8); binary "
                            + "data cannot be analysed.",
                    source, offset + 1, lineOf(bytes, offset)));
        }
        decoder.flush(text);
        return text.flip().toString();
    }

    /** The 1-based line of a byte offset. */
    private static int lineOf(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            line += bytes[i] == '\n' ? 1 : 0;
        }
        return line;
    }
}
