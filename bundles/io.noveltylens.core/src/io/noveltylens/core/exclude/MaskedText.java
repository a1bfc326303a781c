package io.noveltylens.core.exclude;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.noveltylens.core.CoreText;

/**
 * A text with the ranges an {@link Exclusions} leaves out: {@code analysed} is the original with the characters of
 * every excluded range replaced by spaces (line breaks kept), so it has the original's length and an offset means the
 * same character in both.
 *
 * @param excluded the excluded ranges, by start
 */
public record MaskedText(String original, String analysed, List<ExcludedRange> excluded) {

    public MaskedText {
        excluded = excluded.stream().sorted(Comparator.comparingInt((ExcludedRange r) -> r.span().start())
                .thenComparing(r -> -r.span().end())).toList();
        if (analysed.length() != original.length()) {
            throw new IllegalArgumentException("the analysed text must keep the original's offsets");
        }
    }

    /** {@code original} with {@code excluded} blanked out. */
    public static MaskedText of(String original, List<ExcludedRange> excluded) {
        char[] chars = original.toCharArray();
        excluded.forEach(range -> Blanking.blank(chars, range.span().start(), range.span().end()));
        return new MaskedText(original, new String(chars), excluded);
    }

    /** Whether the exclusions took every letter and digit the original had: then there is nothing to analyse. */
    public boolean nothingLeft() {
        return analysed.codePoints().noneMatch(Character::isLetterOrDigit)
                && original.codePoints().anyMatch(Character::isLetterOrDigit);
    }

    /** How many ranges of each kind were left out, in the kinds' order. */
    public Map<ExcludedKind, Integer> counts() {
        return counts(excluded);
    }

    /** "2 quotations, 1 code block, markup", empty when nothing was left out. */
    public String summary() {
        return summary(excluded);
    }

    public static Map<ExcludedKind, Integer> counts(List<ExcludedRange> excluded) {
        Map<ExcludedKind, Integer> counts = new EnumMap<>(ExcludedKind.class);
        excluded.forEach(range -> counts.merge(range.kind(), 1, Integer::sum));
        return counts;
    }

    /** What was left out, as a list a sentence can end with; markup is named without a count (every '*' is one). */
    public static String summary(List<ExcludedRange> excluded) {
        List<String> parts = new ArrayList<>();
        counts(excluded).forEach((kind, count) -> parts.add(kind == ExcludedKind.MARKUP ? CoreText.Excluded_markup
                : CoreText.bind(count == 1 ? singular(kind) : plural(kind), count)));
        return String.join(", ", parts);
    }

    private static String singular(ExcludedKind kind) {
        return switch (kind) {
            case FRONT_MATTER -> CoreText.Excluded_frontMatter;
            case CODE_BLOCK -> CoreText.Excluded_codeBlock;
            case CODE_SPAN -> CoreText.Excluded_codeSpan;
            case MARKUP -> CoreText.Excluded_markup;
            case BLOCK_QUOTE -> CoreText.Excluded_blockQuote;
            case QUOTATION -> CoreText.Excluded_quotation;
            case CITATION -> CoreText.Excluded_citation;
            case REFERENCE_LIST -> CoreText.Excluded_referenceList;
        };
    }

    private static String plural(ExcludedKind kind) {
        return switch (kind) {
            case FRONT_MATTER -> CoreText.Excluded_frontMatters;
            case CODE_BLOCK -> CoreText.Excluded_codeBlocks;
            case CODE_SPAN -> CoreText.Excluded_codeSpans;
            case MARKUP -> CoreText.Excluded_markup;
            case BLOCK_QUOTE -> CoreText.Excluded_blockQuotes;
            case QUOTATION -> CoreText.Excluded_quotations;
            case CITATION -> CoreText.Excluded_citations;
            case REFERENCE_LIST -> CoreText.Excluded_referenceLists;
        };
    }
}
