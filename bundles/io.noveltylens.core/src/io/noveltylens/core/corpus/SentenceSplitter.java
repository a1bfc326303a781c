package io.noveltylens.core.corpus;

import java.util.ArrayList;
import java.util.List;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.text.FilteredBreakIteratorBuilder;
import com.ibm.icu.util.ULocale;

/**
 * Splits text into sentences as a reader would, with ICU's sentence {@link BreakIterator} (Unicode's UAX #29 rules;
 * no model, no network) wrapped with CLDR's English abbreviations, after which a period does not end a sentence
 * ("Mr.", "Mrs.", "Prof.", "Capt."...). The JDK's iterator has no such list and cuts "Mrs. Pell" in two. Spans are
 * trimmed of the whitespace around each sentence, so that offsets point at its first and last visible character.
 * <p>
 * ICU never matches CLDR's abbreviations with a period inside ("e.g.", "U.S.", "Ph.D."), so one of them before a
 * capital still ends a sentence; before a lower-case word, the usual case of "e.g." and "i.e.", the UAX #29 rules alone
 * hold the break. Those rules also go on after a period that a dash follows ("drawing-room.--Nobody was there."),
 * where the JDK's iterator broke.
 */
public final class SentenceSplitter {

    /**
     * What CLDR's English list lacks and novels are full of: "Dr." and "St." ("St. Paul's"), at the cost of a street
     * name that really ends a sentence ("Baker St.").
     */
    private static final List<String> TITLES = List.of("Dr.", "St.");

    /**
     * Initials ("J. R. R. Tolkien", "Mr. J. Smith"), each entered with the space before it, so that only a letter that
     * stands alone holds the break. CLDR's single letters go: ICU matches an entry backwards without looking at what
     * precedes it, so "T." held the break after any word in capitals ("WHAT. Then"), and ICU never matches a letter
     * that begins a dotted entry ("A." of "A.M."). Not "I": "said I." ends sentences in first-person prose. The cost: a
     * sentence ending in a lone capital ("Plan B.") runs into the next.
     */
    private static final String INITIALS = "ABCDEFGHJKLMNOPQRSTUVWXYZ";

    /** Built once, as rules and lists are costly to load; each call iterates on a clone (ICU's are not thread-safe). */
    private static final BreakIterator PROTOTYPE = prototype();

    private SentenceSplitter() {
    }

    public static List<TextSpan> sentences(String text) {
        return sentences(text, 0, text.length());
    }

    /** The sentences of {@code text[from, to)}, as spans of {@code text}. */
    public static List<TextSpan> sentences(String text, int from, int to) {
        Reading reading = Reading.of(text, from, to);
        BreakIterator breaks = (BreakIterator) PROTOTYPE.clone();
        breaks.setText(reading.text());
        List<TextSpan> spans = new ArrayList<>();
        int start = breaks.first();
        for (int end = breaks.next(); end != BreakIterator.DONE; start = end, end = breaks.next()) {
            TextSpan trimmed = trim(text, reading.origin(start), reading.origin(end));
            if (trimmed != null) {
                spans.add(trimmed);
            }
        }
        return spans;
    }

    /** The span without leading and trailing whitespace, or null when it is blank. */
    static TextSpan trim(String text, int start, int end) {
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return start < end ? new TextSpan(start, end) : null;
    }

    private static BreakIterator prototype() {
        FilteredBreakIteratorBuilder builder = FilteredBreakIteratorBuilder.getInstance(ULocale.ENGLISH);
        TITLES.forEach(builder::suppressBreakAfter);
        for (char letter = 'A'; letter <= 'Z'; letter++) {
            builder.unsuppressBreakAfter(letter + ".");
        }
        for (char initial : INITIALS.toCharArray()) {
            builder.suppressBreakAfter(" " + initial + '.');
        }
        return builder.wrapIteratorWithFilter(BreakIterator.getSentenceInstance(ULocale.ENGLISH));
    }

    /**
     * A stretch of text as the iterator reads it, and where each of its characters comes from. Each run of whitespace
     * that holds at most one line break is read as one space: UAX #29 ends a sentence at every line break, but plain
     * text is wrapped at a fixed width, and a reader sees a sentence go on across the lines of a paragraph; only a
     * blank line ends one. One space is also all that ICU's filter skips to find an abbreviation ("Mr.\r\nDarcy"), and
     * a space goes before the text, so that an initial at its very start ("J. R. R. Tolkien") is one too.
     */
    private record Reading(String text, int[] origins) {

        static Reading of(String text, int from, int to) {
            StringBuilder read = new StringBuilder(to - from + 1);
            int[] origins = new int[to - from + 2];
            read.append(' ');
            origins[0] = from;
            int i = from;
            while (i < to) {
                int runEnd = i;
                while (runEnd < to && Character.isWhitespace(text.charAt(runEnd))) {
                    runEnd++;
                }
                if (runEnd == i || lineBreaks(text, i, runEnd) >= 2) {
                    // a visible character, or a paragraph break: read as it is
                    for (int end = Math.max(runEnd, i + 1); i < end; i++) {
                        origins[read.length()] = i;
                        read.append(text.charAt(i));
                    }
                } else {
                    origins[read.length()] = i;
                    read.append(' ');
                    i = runEnd;
                }
            }
            origins[read.length()] = to;
            return new Reading(read.toString(), origins);
        }

        /** The offset in the original text of offset {@code offset} of the text read. */
        int origin(int offset) {
            return origins[offset];
        }

        /** Line breaks in {@code text[start, end)}: CR LF counts once, a paragraph separator twice. */
        private static int lineBreaks(String text, int start, int end) {
            int breaks = 0;
            for (int i = start; i < end; i++) {
                char c = text.charAt(i);
                if (c == '\n' || c == '\u2028' || c == '\r' && (i + 1 == end || text.charAt(i + 1) != '\n')) {
                    breaks++;
                } else if (c == '\u2029') {
                    breaks += 2;
                }
            }
            return breaks;
        }
    }
}
