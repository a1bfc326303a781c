package io.noveltylens.core.history;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Which paragraphs of a save changed most since an earlier one. Paragraphs are matched first by their text: the
 * longest common subsequence of the two saves' text hashes keeps the unchanged paragraphs in order (a paragraph moved
 * past others counts as edited in place, as a diff shows it). Between two unchanged paragraphs, the remaining
 * paragraphs of the later save are paired in order with those of the earlier one in the same gap: the writer edited
 * them in place; those left over in the later save are new, those left over in the earlier one were deleted.
 */
public final class ParagraphChanges {

    private ParagraphChanges() {
    }

    /**
     * Every paragraph of {@code after} with the one of {@code before} it continues, ranked: new paragraphs first, in
     * document order, then by how far their percentile moved, most first, ties in document order.
     */
    public static List<ParagraphChange> ranked(SaveReading before, SaveReading after) {
        List<ParagraphChange> changes = matched(before.paragraphs(), after.paragraphs());
        List<ParagraphChange> ranked = new ArrayList<>(changes);
        ranked.sort(Comparator.comparing((ParagraphChange change) -> !change.isNew())
                .thenComparing(change -> -Math.abs(change.change())));
        return ranked;
    }

    /** The paragraphs of {@code after} in document order, each with its match in {@code before} or none. */
    static List<ParagraphChange> matched(List<ParagraphReading> before, List<ParagraphReading> after) {
        int[][] common = commonSuffixLengths(before, after);
        List<ParagraphChange> changes = new ArrayList<>(after.size());
        int i = 0;
        int j = 0;
        // walk the common subsequence; between two of its pairs, pair the gaps' paragraphs in order
        List<ParagraphReading> gapBefore = new ArrayList<>();
        List<ParagraphReading> gapAfter = new ArrayList<>();
        while (i < before.size() || j < after.size()) {
            // equal hashes always belong to a longest common subsequence
            if (i < before.size() && j < after.size() && before.get(i).hash().equals(after.get(j).hash())) {
                closeGap(gapBefore, gapAfter, changes);
                changes.add(new ParagraphChange(after.get(j), before.get(i)));
                i++;
                j++;
            } else if (j < after.size() && (i == before.size() || common[i][j + 1] >= common[i + 1][j])) {
                gapAfter.add(after.get(j++));
            } else {
                gapBefore.add(before.get(i++));
            }
        }
        closeGap(gapBefore, gapAfter, changes);
        return changes;
    }

    private static void closeGap(List<ParagraphReading> gapBefore, List<ParagraphReading> gapAfter,
            List<ParagraphChange> changes) {
        for (int k = 0; k < gapAfter.size(); k++) {
            changes.add(new ParagraphChange(gapAfter.get(k), k < gapBefore.size() ? gapBefore.get(k) : null));
        }
        gapBefore.clear();
        gapAfter.clear();
    }

    /** {@code lengths[i][j]}: the longest common subsequence of hashes of {@code before[i..]} and {@code after[j..]}. */
    private static int[][] commonSuffixLengths(List<ParagraphReading> before, List<ParagraphReading> after) {
        int[][] lengths = new int[before.size() + 1][after.size() + 1];
        for (int i = before.size() - 1; i >= 0; i--) {
            for (int j = after.size() - 1; j >= 0; j--) {
                lengths[i][j] = before.get(i).hash().equals(after.get(j).hash()) ? lengths[i + 1][j + 1] + 1
                        : Math.max(lengths[i + 1][j], lengths[i][j + 1]);
            }
        }
        return lengths;
    }
}
