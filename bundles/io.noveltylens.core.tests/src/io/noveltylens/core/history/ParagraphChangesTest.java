package io.noveltylens.core.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** Which paragraphs changed most between two saves. */
class ParagraphChangesTest {

    /**
     * Worked by hand. Before: A 30, B 50, C 70, D 40. After: A 30, B' 80, C 70, X 35, Y 60. A and C are unchanged (the
     * longest common run of texts); B' stands where B stood between them (+30); after C, X takes D's place (-5) and Y
     * is new. Ranked: Y (new), B' (+30), X (-5), then A and C (0) in document order.
     */
    @Test
    void aSmallEditIsRankedAsWorkedByHand() {
        SaveReading before = Readings.save(1, "A", 30, "B", 50, "C", 70, "D", 40);
        SaveReading after = Readings.save(2, "A", 30, "B'", 80, "C", 70, "X", 35, "Y", 60);

        List<ParagraphChange> ranked = ParagraphChanges.ranked(before, after);

        assertEquals(List.of("Y", "B'", "X", "A", "C"), ranked.stream().map(c -> c.now().hash()).toList());
        assertEquals(List.of("-", "B", "D", "A", "C"),
                ranked.stream().map(c -> c.isNew() ? "-" : c.before().hash()).toList());
        assertEquals(List.of(0.0, 30.0, -5.0, 0.0, 0.0), ranked.stream().map(ParagraphChange::change).toList());
        assertEquals(List.of(false, false, false, true, true),
                ranked.stream().map(ParagraphChange::sameText).toList());
    }

    /**
     * Brute force on 3,000 random pairs of saves of up to 7 paragraphs over 3 texts (so repeats and moves are common):
     * the paragraphs kept unchanged are as many as the largest order-preserving matching of equal texts, found by
     * trying every subset of the earlier save's paragraphs; every paragraph of the later save appears once; the
     * matches keep the document order; no more paragraphs are new than the earlier save lacks; and the ranking puts
     * every new paragraph first and orders the rest by the size of their change, ties in document order.
     */
    @Test
    void matchingAndRankingAgreeWithABruteForceRecomputation() {
        Random random = new Random(5);
        for (int round = 0; round < 3_000; round++) {
            SaveReading before = randomSave(random);
            SaveReading after = randomSave(random);

            List<ParagraphChange> matched = ParagraphChanges.matched(before.paragraphs(), after.paragraphs());
            List<ParagraphChange> ranked = ParagraphChanges.ranked(before, after);

            String where = before.paragraphs().stream().map(ParagraphReading::hash).toList() + " -> "
                    + after.paragraphs().stream().map(ParagraphReading::hash).toList();
            assertEquals(after.paragraphs(), matched.stream().map(ParagraphChange::now).toList(), where);
            assertEquals(largestMatching(before.paragraphs(), after.paragraphs()),
                    matched.stream().filter(ParagraphChange::sameText).count(), where);
            int lastBefore = -1;
            for (ParagraphChange change : matched) {
                if (!change.isNew()) {
                    int at = indexOfIdentity(before.paragraphs(), change.before());
                    assertTrue(at > lastBefore, "matches keep the document order: " + where);
                    lastBefore = at;
                }
            }
            long added = matched.stream().filter(ParagraphChange::isNew).count();
            // a paragraph is new only where the earlier save has none left to pair it with
            assertTrue(added >= after.paragraphs().size() - before.paragraphs().size(), where);
            assertEquals(matched.size(), ranked.size(), where);
            // the ranking reorders the matches, changing none: each paragraph keeps the one it continues
            for (ParagraphChange change : ranked) {
                ParagraphChange inOrder = matched.get(indexOfIdentity(after.paragraphs(), change.now()));
                assertTrue(inOrder.now() == change.now() && inOrder.before() == change.before(), where);
            }
            for (int i = 0; i < ranked.size(); i++) {
                for (int j = i + 1; j < ranked.size(); j++) {
                    ParagraphChange first = ranked.get(i);
                    ParagraphChange second = ranked.get(j);
                    assertTrue(rankedNoLower(first, second, after.paragraphs()), where + " at " + i + ", " + j);
                }
            }
        }
    }

    /** Whether {@code first} may come before {@code second} in the ranking. */
    private static boolean rankedNoLower(ParagraphChange first, ParagraphChange second,
            List<ParagraphReading> document) {
        if (first.isNew() != second.isNew()) {
            return first.isNew();
        }
        double a = Math.abs(first.change());
        double b = Math.abs(second.change());
        if (a != b) {
            return a > b;
        }
        return indexOfIdentity(document, first.now()) < indexOfIdentity(document, second.now());
    }

    /**
     * The largest number of order-preserving pairs of equal texts: every subset of the earlier save's paragraphs is
     * tried, and kept when its texts occur in that order in the later save (checked greedily, left to right).
     */
    private static int largestMatching(List<ParagraphReading> before, List<ParagraphReading> after) {
        int best = 0;
        for (int subset = 0; subset < 1 << before.size(); subset++) {
            int j = 0;
            boolean found = true;
            for (int i = 0; i < before.size() && found; i++) {
                if ((subset >> i & 1) != 0) {
                    while (j < after.size() && !after.get(j).hash().equals(before.get(i).hash())) {
                        j++;
                    }
                    found = j < after.size();
                    j++;
                }
            }
            if (found) {
                best = Math.max(best, Integer.bitCount(subset));
            }
        }
        return best;
    }

    private static int indexOfIdentity(List<ParagraphReading> list, ParagraphReading paragraph) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) == paragraph) {
                return i;
            }
        }
        throw new AssertionError(paragraph + " is not in " + list);
    }

    /** Up to 7 paragraphs over the texts a, b, c, with percentiles in steps of 10 (ties are common). */
    private static SaveReading randomSave(Random random) {
        List<ParagraphReading> paragraphs = new ArrayList<>();
        int count = random.nextInt(8);
        for (int i = 0; i < count; i++) {
            paragraphs.add(Readings.paragraph(String.valueOf((char) ('a' + random.nextInt(3))),
                    10 * random.nextInt(11)));
        }
        return new SaveReading(0, Readings.CORPUS, paragraphs);
    }
}
