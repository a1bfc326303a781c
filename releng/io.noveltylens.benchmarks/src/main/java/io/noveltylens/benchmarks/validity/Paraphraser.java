package io.noveltylens.benchmarks.validity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Deterministic paraphrase-like edits of a corpus passage, the kind a reader would still call a close paraphrase:
 * a leading subordinate clause moved behind its main clause ("When he came, she left." becomes "She left when he
 * came."), contractions expanded or made, a small table of near-synonyms for common words, and intensifiers dropped.
 * No randomness: the same passage always gets the same edits, and {@link Result#edits()} counts them so that the
 * sets can leave out passages the rules barely touch.
 */
final class Paraphraser {

    record Result(String text, int edits) {
    }

    /** Subordinators after which a sentence-initial clause can move to the end without changing the meaning. */
    private static final Pattern LEADING_CLAUSE = Pattern
            .compile("^(When|Whenever|If|Though|Although|While|Since|Because|After|Before|Till|Until|As soon as) "
                    + "([^,;:\"\u201C\u201D]+), ([^;:\"\u201C\u201D]+)\\.$");

    /**
     * Both directions, matched in one pass so that no phrase is edited twice; apostrophes match ' and \u2019 (the
     * reference texts use ').
     */
    private static final Map<String, String> CONTRACTIONS = new LinkedHashMap<>();
    static {
        String[][] pairs = { { "do not", "don't" }, { "does not", "doesn't" }, { "did not", "didn't" },
                { "is not", "isn't" }, { "was not", "wasn't" }, { "are not", "aren't" }, { "were not", "weren't" },
                { "could not", "couldn't" }, { "would not", "wouldn't" }, { "should not", "shouldn't" },
                { "have not", "haven't" }, { "has not", "hasn't" }, { "had not", "hadn't" }, { "will not", "won't" },
                { "cannot", "can't" }, { "I am", "I'm" }, { "it is", "it's" }, { "that is", "that's" },
                { "I will", "I'll" }, { "you are", "you're" }, { "we are", "we're" }, { "they are", "they're" },
                { "there is", "there's" } };
        // lower case both ways: the match is looked up in lower case and gets its initial capital back (I'm, It's)
        for (String[] pair : pairs) {
            String full = pair[0].toLowerCase(Locale.ROOT);
            String contracted = pair[1].toLowerCase(Locale.ROOT);
            CONTRACTIONS.put(full, contracted);
            CONTRACTIONS.put(contracted, full);
        }
    }
    private static final Pattern CONTRACTION = Pattern.compile("\\b(" + String.join("|",
            CONTRACTIONS.keySet().stream().map(phrase -> phrase.replace("'", "['\u2019]").replace(" ", "\\s+"))
                    .toList())
            + ")\\b", Pattern.CASE_INSENSITIVE);

    /**
     * One direction per word, applied in a single pass (so no chains). Only words whose replacement reads right in
     * nearly every use the corpus makes of them (not "every": Austen's "every body"; not "while": "a while"; not
     * "soon": "as soon as"); only all-lower-case tokens are replaced, which leaves names alone.
     */
    private static final Map<String, String> SYNONYMS = Map.ofEntries(Map.entry("answered", "replied"),
            Map.entry("replied", "answered"), Map.entry("began", "started"), Map.entry("begin", "start"),
            Map.entry("perhaps", "maybe"), Map.entry("often", "frequently"), Map.entry("almost", "nearly"),
            Map.entry("nearly", "almost"), Map.entry("happy", "glad"), Map.entry("glad", "happy"),
            Map.entry("afraid", "fearful"), Map.entry("sure", "certain"), Map.entry("believe", "think"),
            Map.entry("wish", "desire"), Map.entry("wished", "desired"), Map.entry("large", "big"),
            Map.entry("big", "large"), Map.entry("ship", "vessel"),
            Map.entry("lady", "woman"), Map.entry("ladies", "women"), Map.entry("house", "home"),
            Map.entry("friend", "companion"), Map.entry("friends", "companions"), Map.entry("moment", "instant"),
            Map.entry("immediately", "instantly"), Map.entry("speak", "talk"), Map.entry("spoke", "talked"),
            Map.entry("entirely", "wholly"), Map.entry("quickly", "rapidly"), Map.entry("suddenly", "abruptly"),
            Map.entry("among", "amongst"),
            Map.entry("upon", "on"), Map.entry("towards", "toward"), Map.entry("however", "nevertheless"),
            Map.entry("indeed", "truly"), Map.entry("certainly", "surely"), Map.entry("beautiful", "lovely"),
            Map.entry("agreeable", "pleasant"), Map.entry("pleasure", "delight"), Map.entry("delighted", "pleased"),
            Map.entry("understand", "comprehend"), Map.entry("seemed", "appeared"), Map.entry("seem", "appear"),
            Map.entry("seems", "appears"), Map.entry("reply", "answer"), Map.entry("gentleman", "man"),
            Map.entry("gentlemen", "men"), Map.entry("feelings", "sentiments"), Map.entry("opinion", "view"),
            Map.entry("behaviour", "conduct"), Map.entry("affection", "fondness"), Map.entry("sailors", "seamen"));
    private static final Pattern WORD = Pattern.compile("\\b[a-z]+\\b");

    /** Intensifiers that can go when a lower-case word follows ("very kind" becomes "kind"), but not after "not". */
    private static final Pattern DROPPABLE = Pattern.compile("(?<!\\bnot) (very|quite|really) (?=[a-z])");

    private Paraphraser() {
    }

    static Result paraphrase(String passage) {
        int[] edits = { 0 };
        List<String> sentences = new ArrayList<>();
        for (String sentence : Sentences.split(passage)) {
            sentences.add(moveLeadingClause(sentence, edits));
        }
        String text = String.join(" ", sentences);
        text = replace(CONTRACTION, text, m -> CONTRACTIONS.get(m.group().toLowerCase(Locale.ROOT)
                .replace('\u2019', '\'').replaceAll("\\s+", " ")), edits);
        text = replace(WORD, text, m -> SYNONYMS.get(m.group()), edits);
        text = replace(DROPPABLE, text, m -> " ", edits);
        return new Result(text, edits[0]);
    }

    private static String moveLeadingClause(String sentence, int[] edits) {
        Matcher clause = LEADING_CLAUSE.matcher(sentence);
        if (!clause.matches() || Sentences.words(clause.group(3)) < 3) {
            return sentence;
        }
        edits[0]++;
        String main = clause.group(3);
        return Character.toUpperCase(main.charAt(0)) + main.substring(1) + " "
                + clause.group(1).toLowerCase(Locale.ROOT) + " " + clause.group(2) + ".";
    }

    /** Replaces every match for which {@code replacement} gives non-null text, keeping an initial capital. */
    private static String replace(Pattern pattern, String text, Function<Matcher, String> replacement,
            int[] edits) {
        Matcher matcher = pattern.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String with = replacement.apply(matcher);
            if (with == null) {
                continue;
            }
            if (Character.isUpperCase(matcher.group().charAt(0)) && !with.isEmpty()) {
                with = Character.toUpperCase(with.charAt(0)) + with.substring(1);
            }
            edits[0]++;
            matcher.appendReplacement(out, Matcher.quoteReplacement(with));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
