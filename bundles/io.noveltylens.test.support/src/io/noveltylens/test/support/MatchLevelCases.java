package io.noveltylens.test.support;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Sentences whose match level against the default corpus is known by how they were made: copied from it, edited
 * lightly, paraphrased, on a subject it covers in other words, and on a subject it never touches. Core's tests score
 * them through the engine, the UI tests through the heatmap. {@link #checkConstruction} proves each was made as it
 * says from the corpus files themselves, so that a change of corpus breaks the cases loudly, not the assertions
 * quietly.
 */
public final class MatchLevelCases {

    /** Pride and Prejudice, chapter 1: a corpus passage of one sentence. */
    private static final String AUSTEN = "It is a truth universally acknowledged, that a single man in possession of a good fortune, must be in want of a wife.";
    /** Moby Dick, chapter 1, with a clause left out ("and nothing particular to interest me on shore,"). */
    private static final String MELVILLE = "Some years ago--never mind how long precisely--having little or no money in my purse, and nothing particular to interest me on shore, I thought I would sail about a little and see the watery part of the world.";
    private static final String MELVILLE_CLAUSE = " and nothing particular to interest me on shore,";

    /**
     * One sentence and the level it must get.
     *
     * @param level the name of core's MatchLevel constant
     * @param text  the sentence
     */
    public record Case(String level, String text) {
    }

    private MatchLevelCases() {
    }

    /** The cases in the order {@link #document()} holds them. */
    public static List<Case> all() {
        return List.of(new Case("IDENTICAL", AUSTEN),
                new Case("NEAR_VERBATIM", MELVILLE.replace(MELVILLE_CLAUSE, "")),
                new Case("PARAPHRASE",
                        "Everyone acknowledges that a single man who possesses a large fortune must want a wife."),
                new Case("RELATED", "At the start, God created the sky and the land."),
                new Case("NOVEL", "The quarterly firmware update bricked three routers in the server room."));
    }

    /** The cases as a document of one sentence a line, so that an editor shows each sentence's colour whole. */
    public static String document() {
        return String.join("\n", all().stream().map(Case::text).toList());
    }

    /**
     * Checks against the corpus folder (bundles/io.noveltylens.corpus.default/corpus) that the identical sentence is a
     * corpus line, the edited one is a corpus sentence with one clause left out, and the paraphrase (and the two
     * sentences below it) share no run of five words with the sentence it paraphrases.
     */
    public static void checkConstruction(Path corpus) throws IOException {
        List<String> austen = TextLines.read(corpus.resolve("austen.txt.gz"));
        List<String> melville = TextLines.read(corpus.resolve("mobydick.txt.gz"));
        require(austen.contains(AUSTEN), "the identical sentence is not a line of austen.txt.gz");
        require(melville.stream().anyMatch(line -> line.contains(MELVILLE)),
                "the edited sentence's original is not in mobydick.txt.gz");
        for (Case unrelated : all().subList(2, 5)) {
            require(sharedFiveWordRuns(unrelated.text(), AUSTEN).isEmpty(),
                    unrelated.level() + " shares a 5-word run with " + AUSTEN);
        }
    }

    /** The runs of five words (lower case, punctuation aside) that {@code a} and {@code b} both contain. */
    public static List<String> sharedFiveWordRuns(String a, String b) {
        List<String> runs = new ArrayList<>();
        List<String> inB = runs(b);
        for (String run : runs(a)) {
            if (inB.contains(run)) {
                runs.add(run);
            }
        }
        return runs;
    }

    private static List<String> runs(String text) {
        String[] words = text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}' ]", " ").trim().split("\\s+");
        List<String> runs = new ArrayList<>();
        for (int i = 0; i + 5 <= words.length; i++) {
            runs.add(String.join(" ", List.of(words).subList(i, i + 5)));
        }
        return runs;
    }

    private static void require(boolean holds, String failure) {
        if (!holds) {
            throw new IllegalStateException(failure);
        }
    }
}
