package io.noveltylens.core.verbatim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.noveltylens.core.embed.FixtureTexts;

/** {@link VerbatimOverlap} against the brute-force {@link ScanningPhraseIndex} over the Sherlock Holmes fixture. */
class VerbatimOverlapTest {

    static final List<String> CORPUS = FixtureTexts.lines("sherlock-200");

    /** Nine consecutive words of passage 0; the words around it in the tests below occur nowhere in the corpus. */
    static final String SNIPPET = "that you have put on seven and a half";

    private static final VerbatimAnalyzer ANALYZER = VerbatimAnalyzer.create();

    private final ScanningPhraseIndex index = new ScanningPhraseIndex(CORPUS, ANALYZER);

    private VerbatimReadout measure(String passage) throws IOException {
        return new VerbatimOverlap(index, ANALYZER).measure(passage);
    }

    @Test
    void copiedSentenceIsCoveredForEveryLengthUpToItsOwnAndNewWordsAreNot() throws IOException {
        String text = "Zorblat quintessa " + SNIPPET + " vimmerling plonkish dravenwort.";
        VerbatimReadout readout = measure(text);
        assertEquals(14, readout.wordCount());
        for (int length = VerbatimOverlap.SHORTEST; length <= VerbatimOverlap.LONGEST; length++) {
            assertEquals(length <= 9 ? 9.0 / 14 : 0, readout.coverage(length), 1e-12, "L = " + length);
        }
        VerbatimSpan span = readout.spans().get(0);
        assertEquals(1, readout.spans().size());
        assertEquals(2, span.firstWord());
        assertEquals(9, span.wordCount());
        assertEquals(SNIPPET, text.substring(span.startOffset(), span.endOffset()));
        assertTrue(span.documents().contains(0), "found in " + span.documents());
        assertEquals("64 % of the words sit in 5-word sequences found verbatim in the corpus; the longest is 9 words",
                readout.explanation());
    }

    @Test
    void shuffledWordsAreNotCovered() throws IOException {
        List<String> words = new ArrayList<>(List.of(CORPUS.get(4).split("\\s+")));
        Collections.shuffle(words, new Random(1));
        VerbatimReadout readout = measure(String.join(" ", words));
        assertTrue(readout.wordCount() > 200);
        assertTrue(readout.coverage(5) < 0.05, "coverage " + readout.coverage(5));
    }

    /** Passage 1 reworded by hand: same content, few runs of five words left. */
    @Test
    void paraphraseHasLowCoverage() throws IOException {
        VerbatimReadout readout = measure("\"Exactly,\" he replied, lighting a cigar and dropping into a chair. "
                + "\"You look, but you fail to notice. The difference is plain. You have often seen, for instance, "
                + "the stairs that go up from the hallway to this room.\"");
        assertTrue(readout.coverage(5) < 0.2, "coverage " + readout.coverage(5));
        assertEquals(0, readout.coverage(8));
    }

    @Test
    void repeatedPhraseIsCoveredAtEachOccurrence() throws IOException {
        VerbatimReadout readout = measure(SNIPPET + " zorblat " + SNIPPET);
        assertEquals(18.0 / 19, readout.coverage(5), 1e-12);
        assertEquals(List.of(0, 10), readout.spans().stream().map(VerbatimSpan::firstWord).toList());
    }

    /** The analyzer lower-cases and drops punctuation; U+2019 is read as an ASCII apostrophe. */
    @Test
    void caseAndPunctuationAndTypographicApostrophesDoNotMatter() throws IOException {
        assertEquals(1, measure("THAT you Have -- put ON; seven... and a HALF!").coverage(9));
        assertEquals(1, measure("endeavouring to imitate my companion\u2019s processes").coverage(6));
    }

    @Test
    void textShorterThanLHasNoCoverage() throws IOException {
        for (String tooShort : new String[] { "", "  ...  ", "Quite so." }) {
            VerbatimReadout readout = measure(tooShort);
            assertTrue(readout.coverage().stream().allMatch(c -> c.share() == 0), tooShort);
            assertTrue(readout.spans().isEmpty());
            assertEquals("Too short to compare: verbatim overlap counts runs of at least 5 words",
                    readout.explanation());
        }
        VerbatimReadout sixWords = measure("I am about to be married.");
        assertEquals(1, sixWords.coverage(6));
        assertEquals(0, sixWords.coverage(7));
    }

    @Test
    void passageWithoutMatchesSaysSo() throws IOException {
        VerbatimReadout readout = measure("Zorblat quintessa vimmerling plonkish dravenwort grimbly.");
        assertEquals("No run of 5 or more words occurs verbatim in the corpus", readout.explanation());
        assertTrue(readout.longest().isEmpty());
    }

    /** Passage 4 has more words than the cap on one query: its capped windows are reported as one span. */
    @Test
    void longCopyIsOneSpanCoveringEveryWord() throws IOException {
        VerbatimReadout readout = measure(CORPUS.get(4));
        assertTrue(readout.wordCount() > 3 * VerbatimOverlap.LONGEST_QUERY);
        assertTrue(readout.coverage().stream().allMatch(c -> c.share() == 1));
        assertEquals(1, readout.spans().size());
        assertEquals(readout.wordCount(), readout.longest().orElseThrow().wordCount());
        assertEquals(List.of(4), readout.spans().get(0).documents());
        assertTrue(index.queries() <= 3 * readout.wordCount(), index.queries() + " queries");
    }

    /**
     * Oracle: coverage at L is the share of words inside some L-word window that occurs in the corpus, found by
     * asking about every window; spans must occur and be maximal.
     */
    @Test
    void matchesBruteForceNgramOracleOnRandomPassages() throws IOException {
        Random random = new Random(2024);
        int partlyCoveredAtTwelve = 0;
        SplicedPassages spliced = new SplicedPassages(CORPUS, ANALYZER);
        for (int p = 0; p < 40; p++) {
            List<String> words = spliced.next(random, 20 + random.nextInt(40));
            int queriesBefore = index.queries();
            VerbatimReadout readout = measure(String.join(" ", words));
            assertTrue(index.queries() - queriesBefore <= 3 * words.size(), "query bound");
            for (int length = VerbatimOverlap.SHORTEST; length <= VerbatimOverlap.LONGEST; length++) {
                assertEquals(index.coverage(words, length), readout.coverage(length), 1e-12,
                        "passage " + p + ", L = " + length);
            }
            if (readout.coverage(12) > 0 && readout.coverage(5) < 1) {
                partlyCoveredAtTwelve++;
            }
            boolean[] inSpan = new boolean[words.size()];
            for (VerbatimSpan span : readout.spans()) {
                int end = span.firstWord() + span.wordCount();
                assertTrue(index.occurs(words.subList(span.firstWord(), end)));
                assertTrue(span.firstWord() == 0 || !index.occurs(words.subList(span.firstWord() - 1, end)));
                assertTrue(end == words.size() || !index.occurs(words.subList(span.firstWord(), end + 1)));
                Arrays.fill(inSpan, span.firstWord(), end, true);
            }
            double spanShare = (double) IntStream.range(0, inSpan.length).filter(w -> inSpan[w]).count()
                    / words.size();
            assertEquals(readout.coverage(VerbatimOverlap.SHORTEST), spanShare, 1e-12, "spans cover what L = 5 covers");
        }
        assertTrue(partlyCoveredAtTwelve >= 10, "the random passages exercise long and short matches");
    }
}
