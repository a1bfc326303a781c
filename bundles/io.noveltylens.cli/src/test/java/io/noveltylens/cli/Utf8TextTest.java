package io.noveltylens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.noveltylens.core.NoveltyException;

/** Strict UTF-8: every well-formed sequence decodes as the JDK's decoder does; every ill-formed one is refused. */
class Utf8TextTest {

    @Test
    void wellFormedTextOfEveryLengthOfSequenceDecodesUnchanged() throws Exception {
        String text = "plain ASCII\ncaf\u00e9, \u20ac 5, \u6f22\u5b57, \ud83d\ude00\r\nlast line without end";
        assertEquals(text, Utf8Text.decode(text.getBytes(StandardCharsets.UTF_8), "text"));
        assertEquals("", Utf8Text.decode(new byte[0], "empty"));
    }

    /** Ill-formed sequences from the Unicode Standard, chapter 3, "Constraints on Conversion Processes". */
    @ParameterizedTest
    @CsvSource({
            "61ff62,               2, 1", // a byte that never occurs in UTF-8
            "610a0a6280,           5, 3", // a lone continuation byte, on the third line
            "61c0af,               2, 1", // an overlong encoding of '/'
            "eda080,               1, 1", // an encoded surrogate (CESU-8)
            "f4908080,             1, 1", // past U+10FFFF
            "6162e282,             3, 1", // a sequence cut off at the end
    })
    void anIllFormedSequenceIsRefusedWithItsByteAndLine(String hex, int byteNumber, int line) {
        NoveltyException refused = assertThrows(NoveltyException.class,
                () -> Utf8Text.decode(HexFormat.of().parseHex(hex), "Standard input"));
        assertEquals(NoveltyException.Kind.BAD_INPUT, refused.kind());
        assertTrue(refused.getMessage().startsWith("Standard input is not UTF-8 text: byte " + byteNumber + " (line "
                + line + ")"), refused.getMessage());
    }
}
