package io.noveltylens.benchmarks.validity;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The harness's own sentence rule, deliberately simple and independent of the engine's splitter, so that the units
 * do not depend on the code under test: a sentence ends at . ! or ? (optionally followed by a closing quote) when
 * white space and an upper-case letter (optionally after an opening quote) follow, except after Mr, Mrs, Dr and St.
 */
final class Sentences {

    private static final Pattern BOUNDARY = Pattern
            .compile("(?<!\\b(?:Mr|Mrs|Ms|Dr|St))[.!?][\"'\u201D\u2019]?(\\s+)(?=[\"'\u201C\u2018]?\\p{Lu})");

    private Sentences() {
    }

    static List<String> split(String paragraph) {
        List<String> sentences = new ArrayList<>();
        Matcher boundary = BOUNDARY.matcher(paragraph);
        int start = 0;
        while (boundary.find()) {
            sentences.add(paragraph.substring(start, boundary.start(1)).strip());
            start = boundary.end(1);
        }
        sentences.add(paragraph.substring(start).strip());
        sentences.removeIf(String::isEmpty);
        return sentences;
    }

    static int words(String text) {
        String stripped = text.strip();
        return stripped.isEmpty() ? 0 : stripped.split("\\s+").length;
    }
}
