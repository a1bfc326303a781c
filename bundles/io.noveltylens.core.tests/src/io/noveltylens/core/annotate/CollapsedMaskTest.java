package io.noveltylens.core.annotate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import org.junit.jupiter.api.Test;

import io.noveltylens.core.corpus.TextNormalization;
import io.noveltylens.core.exclude.ExcludedRange;
import io.noveltylens.core.exclude.Exclusion;
import io.noveltylens.core.exclude.Exclusions;
import io.noveltylens.core.exclude.MaskedText;

class CollapsedMaskTest {

    /** Oracle: core's own collapse (a regular expression), on random mixes of letters and every kind of space. */
    @Test
    void theCollapsedTextIsTheIndexsCanonicalForm() {
        String alphabet = "ab \t\n\r\f\u000B\u00A0\u2003\u3000.\"";
        Random random = new Random(17);
        for (int n = 0; n < 5_000; n++) {
            StringBuilder raw = new StringBuilder();
            for (int i = random.nextInt(30); i > 0; i--) {
                raw.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            int[] at = new int[raw.length() + 1];
            assertEquals(TextNormalization.collapseWhitespace(raw.toString()),
                    CollapsedMask.collapse(raw.toString(), at), raw.toString());
        }
    }

    /**
     * Oracle: what each excluded range covers in the collapsed text is the collapsed form of what it covered in the
     * passage as read.
     */
    @Test
    void eachRangeLeftOutCoversTheSameWordsAfterCollapsing() {
        String raw = "  A line with **bold**\n   and a \"quoted   phrase\"\n\n  and `code`  [4].  ";
        Exclusions exclusions = Exclusions.DEFAULT.with(Exclusion.QUOTATIONS);
        MaskedText asRead = exclusions.mask(raw);
        MaskedText collapsed = CollapsedMask.of(asRead);

        assertEquals(TextNormalization.collapseWhitespace(raw), collapsed.original());
        assertEquals(asRead.excluded().size(), collapsed.excluded().size());
        for (int i = 0; i < asRead.excluded().size(); i++) {
            ExcludedRange before = asRead.excluded().get(i);
            ExcludedRange after = collapsed.excluded().get(i);
            assertEquals(before.kind(), after.kind());
            assertEquals(before.span().of(raw).replaceAll("\\s+", " "), after.span().of(collapsed.original()));
        }
        assertEquals(TextNormalization.collapseWhitespace(asRead.analysed()),
                TextNormalization.collapseWhitespace(collapsed.analysed()));
    }
}
