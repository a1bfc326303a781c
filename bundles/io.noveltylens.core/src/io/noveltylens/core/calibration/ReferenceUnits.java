package io.noveltylens.core.calibration;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.stream.IntStream;

import io.noveltylens.core.corpus.DistinctPassages;
import io.noveltylens.core.corpus.DistinctPassages.ReadingOrder;
import io.noveltylens.core.corpus.SentenceSplitter;
import io.noveltylens.core.corpus.TextSpan;

/**
 * Draws the calibration's reference units from a corpus: sentences, passages and runs of {@link #JOINED} consecutive
 * passages of one source, the same number of each, at random positions of the reading order (seeded, so a rebuild of
 * the same corpus draws the same units). Together they span the lengths a writer selects, from a short sentence to
 * several paragraphs, whatever unit the corpus's lines are (a verse, a paragraph, a three-sentence chunk).
 */
public final class ReferenceUnits {

    /**
     * Passages on each side, in the same source, that a unit's readouts do not see: a new text has no neighbours of
     * its own in the corpus, while a corpus passage's neighbours share its characters and topic.
     */
    public static final int WINDOW = 2;
    /** Passages joined into the longest units; with the corpus's passages of up to 150 words, up to 450 words. */
    public static final int JOINED = 3;
    /** The fewest words of a sentence drawn as a unit: shorter ones ("Yes, sir.") say too little to place. */
    public static final int MIN_SENTENCE_WORDS = 3;
    /** Fixed, so that the same corpus always gets the same units. */
    private static final long SEED = 20261207L;
    private static final int TEXT_BATCH = 4096;

    private ReferenceUnits() {
    }

    /**
     * Up to {@code perKind} units of each kind.
     *
     * @param keep the number of corpus passages a unit's readouts need besides those left out (the index's k); where
     *             the window would leave fewer, only the unit's own passages are left out, and where even that would,
     *             the unit is not drawn
     */
    public static List<ReferenceUnit> draw(DistinctPassages passages, int perKind, int keep) throws IOException {
        ReadingOrder order = passages.readingOrder();
        Random random = new Random(SEED);
        int[] single = sample(allReads(order.size()), perKind, random);
        int[] sentenceReads = sample(allReads(order.size()), perKind, random);
        int[] joinedStarts = sample(joinedStarts(order), perKind, random);
        TreeSet<Integer> needed = new TreeSet<>();
        for (int[] reads : new int[][] { single, sentenceReads }) {
            for (int r : reads) {
                needed.add(order.ordinals()[r]);
            }
        }
        for (int r : joinedStarts) {
            for (int j = 0; j < JOINED; j++) {
                needed.add(order.ordinals()[r + j]);
            }
        }
        Map<Integer, String> texts = texts(passages, needed);
        List<ReferenceUnit> units = new ArrayList<>();
        for (int r : single) {
            add(units, texts.get(order.ordinals()[r]), order, r, r, passages.count(), keep);
        }
        for (int r : sentenceReads) {
            add(units, oneSentence(texts.get(order.ordinals()[r]), random), order, r, r,
                    passages.count(), keep);
        }
        for (int r : joinedStarts) {
            StringBuilder joined = new StringBuilder();
            for (int j = 0; j < JOINED; j++) {
                joined.append(j == 0 ? "" : " ").append(texts.get(order.ordinals()[r + j]));
            }
            add(units, joined.toString(), order, r, r + JOINED - 1, passages.count(), keep);
        }
        return units;
    }

    private static void add(List<ReferenceUnit> units, String text, ReadingOrder order, int first, int last,
            int corpusSize, int keep) {
        int words = Words.count(text);
        if (words == 0) {
            return;
        }
        int[] leftOut = leftOut(order, first - WINDOW, last + WINDOW, first);
        if (corpusSize - leftOut.length < keep) {
            leftOut = leftOut(order, first, last, first);
        }
        if (corpusSize - leftOut.length >= keep) {
            units.add(new ReferenceUnit(text, words, Calibration.oneSentence(text), leftOut));
        }
    }

    /** The distinct ordinals read in [from, to] within the source of read {@code anchor}. */
    private static int[] leftOut(ReadingOrder order, int from, int to, int anchor) {
        int source = order.sources()[anchor];
        TreeSet<Integer> ordinals = new TreeSet<>();
        for (int r = Math.max(0, from); r <= Math.min(order.size() - 1, to); r++) {
            if (order.sources()[r] == source) {
                ordinals.add(order.ordinals()[r]);
            }
        }
        return ordinals.stream().mapToInt(Integer::intValue).toArray();
    }

    /** A sentence of {@link #MIN_SENTENCE_WORDS} or more words, at random; the whole text when it has none. */
    private static String oneSentence(String text, Random random) {
        List<TextSpan> sentences = SentenceSplitter.sentences(text).stream()
                .filter(span -> Words.count(span.of(text)) >= MIN_SENTENCE_WORDS).toList();
        return sentences.isEmpty() ? text : sentences.get(random.nextInt(sentences.size())).of(text);
    }

    private static int[] allReads(int size) {
        int[] reads = new int[size];
        for (int r = 0; r < size; r++) {
            reads[r] = r;
        }
        return reads;
    }

    /** Reads that start {@link #JOINED} consecutive reads of one source. */
    private static int[] joinedStarts(ReadingOrder order) {
        return IntStream.range(0, Math.max(0, order.size() - JOINED + 1))
                .filter(r -> order.sources()[r] == order.sources()[r + JOINED - 1]).toArray();
    }

    /** Up to {@code count} of {@code values} at random, without repetition (a partial Fisher-Yates shuffle). */
    private static int[] sample(int[] values, int count, Random random) {
        int n = Math.min(count, values.length);
        for (int i = 0; i < n; i++) {
            int j = i + random.nextInt(values.length - i);
            int swap = values[i];
            values[i] = values[j];
            values[j] = swap;
        }
        return Arrays.copyOf(values, n);
    }

    private static Map<Integer, String> texts(DistinctPassages passages, TreeSet<Integer> ordinals) throws IOException {
        Map<Integer, String> texts = new HashMap<>();
        try (DistinctPassages.Cursor cursor = passages.cursor()) {
            for (int first = 0; first < passages.count() && texts.size() < ordinals.size(); first += TEXT_BATCH) {
                List<String> batch = cursor.nextTexts(TEXT_BATCH);
                for (Integer ordinal : ordinals.subSet(first, first + batch.size())) {
                    texts.put(ordinal, batch.get(ordinal - first));
                }
            }
        }
        return texts;
    }
}
