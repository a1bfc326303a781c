package io.noveltylens.core.calibration;

/**
 * The length of a text in words, the measure by which a query is matched with corpus units of its own length: runs of
 * letters and digits (with inner apostrophes and hyphens), the same count at index time and at query time.
 */
public final class Words {

    private Words() {
    }

    public static int count(String text) {
        int words = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i = text.offsetByCodePoints(i, 1)) {
            int c = text.codePointAt(i);
            boolean wordChar = Character.isLetterOrDigit(c)
                    || inWord && (c == '\'' || c == '\u2019' || c == '-') && i + 1 < text.length()
                            && Character.isLetterOrDigit(text.codePointAt(i + 1));
            if (wordChar && !inWord) {
                words++;
            }
            inWord = wordChar;
        }
        return words;
    }
}
