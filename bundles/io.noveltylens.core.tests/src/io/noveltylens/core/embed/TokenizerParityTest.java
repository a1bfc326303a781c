package io.noveltylens.core.embed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * DJL's native tokenizer, as {@link PassageTokenizer} configures it, against {@link BertWordPieceReference}, an
 * independent reimplementation: same ids on real text from five sources and on constructed text with accents, CJK,
 * emoji, URLs, numbers, punctuation runs and control characters ({@code fixtures/constructed-unicode.txt}).
 */
class TokenizerParityTest {

    private static PassageTokenizer tokenizer;
    private static BertWordPieceReference reference;

    @BeforeAll
    static void load() throws Exception {
        ModelDescriptor model = TestModels.descriptor(TestModels.FP32);
        tokenizer = PassageTokenizer.load(model.tokenizer(), model.maxTokens(), TestModels.cacheDir());
        reference = BertWordPieceReference.load(model.tokenizer());
    }

    @AfterAll
    static void close() {
        tokenizer.close();
    }

    @Test
    void realTextGetsTheSameIdsAsTheReference() {
        assertSameIds(FixtureTexts.mixed(80));
    }

    @Test
    void constructedUnicodeGetsTheSameIdsAsTheReference() {
        List<String> texts = FixtureTexts.lines("constructed-unicode", 1000);
        assertTrue(texts.size() >= 35, "constructed fixture read: " + texts.size());
        assertSameIds(texts);
    }

    @Test
    void bertSpecialTokensWrapEveryWindow() {
        assertArrayEquals(new long[] { 101 }, tokenizer.head(""), "[CLS]");
        assertArrayEquals(new long[] { 102 }, tokenizer.tail(), "[SEP]");
        assertArrayEquals(new long[] { 101, 102 }, tokenizer.windows(tokenizer.head(""), "").getFirst(),
                "an empty text is [CLS] [SEP], not padded to the 128 of tokenizer.json");
    }

    @Test
    void longTextIsNotTruncatedAtTheTokenizerJsonLimit() {
        String text = String.join(" ", FixtureTexts.lines("austen-1500", 40));
        long[] pieces = tokenizer.pieces(text);
        assertTrue(pieces.length > 1000, "pieces: " + pieces.length);
        assertArrayEquals(reference.pieces(text), pieces);
    }

    private static void assertSameIds(List<String> texts) {
        List<String> mismatches = new ArrayList<>();
        for (String text : texts) {
            long[] expected = reference.pieces(text);
            long[] actual = tokenizer.pieces(text);
            if (!Arrays.equals(expected, actual)) {
                mismatches.add(text + "\n  reference " + Arrays.toString(expected) + "\n  djl       "
                        + Arrays.toString(actual));
            }
        }
        assertEquals(List.of(), mismatches, mismatches.size() + " of " + texts.size() + " texts differ");
    }
}
