package io.noveltylens.core.verbatim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.noveltylens.core.embed.FixtureTexts;

/**
 * The runs two texts share, against brute force: a word of the first text is covered when some window of
 * {@link VerbatimOverlap#SHORTEST} or more consecutive words around it occurs in the second (every window tried).
 */
class SharedRunsTest {

    private static final VerbatimAnalyzer WORDS = VerbatimAnalyzer.create();

    @Test
    void theSharedRunsCoverExactlyTheWordsBruteForceFindsInBothTexts() throws Exception {
        List<String> lines = FixtureTexts.lines("austen-1500");
        Random random = new Random(16);
        for (int trial = 0; trial < 40; trial++) {
            String other = lines.get(random.nextInt(200));
            // a text built from pieces of the other and of unrelated lines, so it shares some runs and not others
            List<String> otherWords = List.of(other.split(" "));
            List<String> unrelated = List.of(lines.get(500 + random.nextInt(500)).split(" "));
            List<String> mixed = new ArrayList<>();
            for (int piece = 0; piece < 4; piece++) {
                List<String> from = random.nextBoolean() ? otherWords : unrelated;
                int start = random.nextInt(from.size());
                mixed.addAll(from.subList(start, Math.min(from.size(), start + 2 + random.nextInt(9))));
            }
            String text = String.join(" ", mixed);

            List<VerbatimSpan> spans = SharedRuns.in(text, other);

            List<Word> words = WORDS.words(text);
            boolean[] covered = new boolean[words.size()];
            for (VerbatimSpan span : spans) {
                for (int w = span.firstWord(); w < span.firstWord() + span.wordCount(); w++) {
                    covered[w] = true;
                }
                assertEquals(words.get(span.firstWord()).startOffset(), span.startOffset());
                assertEquals(words.get(span.firstWord() + span.wordCount() - 1).endOffset(), span.endOffset());
            }
            boolean[] expected = bruteForce(words.stream().map(Word::term).toList(),
                    WORDS.words(other).stream().map(Word::term).toList());
            for (int w = 0; w < words.size(); w++) {
                assertEquals(expected[w], covered[w], "word " + w + " of \"" + text + "\" against \"" + other + "\"");
            }
        }
    }

    @Test
    void aTextSharesItsWholeSelfAndNothingWithUnrelatedText() {
        String text = "The quarterly firmware update bricked three routers in the server room.";
        List<VerbatimSpan> self = SharedRuns.in(text, "Before: " + text + " After.");
        assertEquals(1, self.size());
        assertEquals(0, self.get(0).startOffset());
        assertEquals(text.length() - 1, self.get(0).endOffset(), "the run ends at the last word, before the dot");
        assertTrue(SharedRuns.in(text, "It is a truth universally acknowledged.").isEmpty());
    }

    private static boolean[] bruteForce(List<String> text, List<String> other) {
        boolean[] covered = new boolean[text.size()];
        for (int start = 0; start < text.size(); start++) {
            for (int end = start + VerbatimOverlap.SHORTEST; end <= text.size(); end++) {
                if (java.util.Collections.indexOfSubList(other, text.subList(start, end)) < 0) {
                    break;
                }
                for (int w = start; w < end; w++) {
                    covered[w] = true;
                }
            }
        }
        return covered;
    }
}
