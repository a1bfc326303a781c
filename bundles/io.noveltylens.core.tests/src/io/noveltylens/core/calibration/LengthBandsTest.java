package io.noveltylens.core.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** Length bands against a brute-force oracle: every unit of the band counted one by one. */
class LengthBandsTest {

    private static final Random RANDOM = new Random(7);

    @Test
    void percentileIsTheMidRankAmongTheUnitsOfTheQuerysBand() {
        int[] words = new int[2000];
        double[] values = new double[words.length];
        for (int i = 0; i < words.length; i++) {
            words[i] = 1 + (int) Math.exp(RANDOM.nextDouble() * Math.log(400));
            values[i] = Math.round(RANDOM.nextGaussian() * 20) / 10.0 + Math.log(words[i]); // ties, and a length trend
        }
        LengthBands bands = LengthBands.of(words, values, 250);
        assertTrue(bands.bands() >= 6, "2,000 units in bands of about 250: " + bands.bands());
        for (int queryWords : new int[] { 1, 3, 7, 12, 30, 80, 200, 399, 5000 }) {
            int band = bands.band(queryWords);
            for (double value : new double[] { -3, 0, 1.5, 2.0, 3.7, 9 }) {
                int below = 0;
                int tied = 0;
                int inBand = 0;
                for (int i = 0; i < words.length; i++) {
                    if (bands.band(words[i]) == band) {
                        inBand++;
                        below += values[i] < value ? 1 : 0;
                        tied += values[i] == value ? 1 : 0;
                    }
                }
                assertEquals(inBand, bands.size(band));
                assertEquals(100.0 * (below + 0.5 * tied) / inBand, bands.percentile(queryWords, value), 1e-9);
            }
        }
    }

    @Test
    void bandsCoverEveryLengthHoldAboutTheAskedSizeAndNeverSplitAWordCount() {
        int[] words = new int[1000];
        double[] values = new double[words.length];
        for (int i = 0; i < words.length; i++) {
            words[i] = 5 + i / 10; // 10 units of each length from 5 to 104
            values[i] = i;
        }
        LengthBands bands = LengthBands.of(words, values, 95);
        for (int b = 0; b < bands.bands(); b++) {
            assertEquals(b == 0 ? 5 : bands.upperWords(b - 1) + 1, bands.lowerWords(b));
            assertTrue(bands.size(b) >= 95 && bands.size(b) < 95 + 10 + 95 / 2, "band " + b + ": " + bands.size(b));
            assertEquals(bands.size(b), 10 * (bands.upperWords(b) < 0 ? 105 - bands.lowerWords(b)
                    : bands.upperWords(b) - bands.lowerWords(b) + 1));
        }
        assertEquals(-1, bands.upperWords(bands.bands() - 1));
        assertEquals(0, bands.band(1), "shorter than every unit: the first band");
        assertEquals(bands.bands() - 1, bands.band(10_000), "longer than every unit: the last band");
        assertEquals("5-" + bands.upperWords(0) + " words", bands.lengths(5));
        assertTrue(bands.lengths(10_000).endsWith(" words or more"), bands.lengths(10_000));
        LengthBands few = LengthBands.of(Arrays.copyOf(words, 120), Arrays.copyOf(values, 120), 95);
        assertEquals(LengthBands.MIN_BANDS, few.bands(), "a small sample still keeps lengths apart");
    }

    @Test
    void calibrationReadsBackWhatItWroteAndReadsASentenceAgainstSentences() throws IOException {
        int[] words = { 3, 4, 5, 9, 12, 20, 40 };
        double[] values = { 0.9, 1.1, 1.0, 0.7, 0.8, 0.6, 0.5 };
        ReadoutBands sentences = new ReadoutBands(LengthBands.of(words, values, 2), LengthBands.of(words, values, 3),
                LengthBands.of(words, new double[] { -8, -12, -4, -16, -8, -12, -24 }, 3));
        double[] higher = Arrays.stream(values).map(v -> v + 0.3).toArray();
        ReadoutBands passages = new ReadoutBands(LengthBands.of(words, higher, 2), LengthBands.of(words, higher, 3),
                LengthBands.of(words, new double[] { -4, -6, -2, -8, -4, -6, -12 }, 3));
        Calibration written = new Calibration(sentences, passages);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        written.write(new DataOutputStream(bytes));
        Calibration read = Calibration.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        for (ReadoutBands[] pair : new ReadoutBands[][] { { written.oneSentence(), read.oneSentence() },
                { written.severalSentences(), read.severalSentences() } }) {
            for (int w = 1; w < 50; w++) {
                for (double v = 0.4; v < 1.5; v += 0.05) {
                    assertEquals(pair[0].densityPercentile(w, v), pair[1].densityPercentile(w, v));
                    assertEquals(pair[0].hullPercentile(w, v), pair[1].hullPercentile(w, v));
                }
                for (int depth : new int[] { 0, 4, 8, 12, 64 }) {
                    assertEquals(pair[0].depthPercentile(w, depth), pair[1].depthPercentile(w, depth));
                }
            }
        }
        // a deeper passage is less novel: its percentile is lower
        assertTrue(sentences.depthPercentile(12, 16) < sentences.depthPercentile(12, 4));
        String sentence = "Mrs. Pell read the line aloud to the parrot.";
        String paragraph = sentence + " Mr. Darcy smiled.";
        assertTrue(read.match(sentence).bands() == read.oneSentence()
                && read.match(paragraph).bands() == read.severalSentences());
        assertEquals("corpus sentences of 9-11 words", read.match(sentence).comparedWith(sentences.density()));
        assertTrue(read.match(paragraph).comparedWith(passages.density()).startsWith("corpus passages of several"));
        byte[] damaged = bytes.toByteArray();
        damaged[3] = 99;
        assertThrows(IOException.class,
                () -> Calibration.read(new DataInputStream(new ByteArrayInputStream(damaged))));
    }

    @Test
    void wordsAreRunsOfLettersAndDigitsWithInnerApostrophesAndHyphens() {
        assertEquals(0, Words.count("  -- ... "));
        assertEquals(9, Words.count("Mrs. Pell's well-known line: \"It's 1813, isn't it?\" -- yes"));
        assertEquals(3, Words.count("caf\u00e9 na\u00efve \u00fcber"));
    }
}
