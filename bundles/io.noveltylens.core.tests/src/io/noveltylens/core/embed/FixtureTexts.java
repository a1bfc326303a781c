package io.noveltylens.core.embed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.noveltylens.test.support.TextLines;

/** Real text from {@code fixtures/} (one passage a line), relative to the test bundle, the tests' working dir. */
public final class FixtureTexts {

    /** Public-domain sources of different registers: novels, scripture, speeches, dictionary glosses. */
    public static final List<String> REAL = List.of("austen-1500", "kjv-1000", "sherlock-200", "sotu-1000",
            "wordnet-200");

    private FixtureTexts() {
    }

    public static Path dir() {
        return Path.of(System.getProperty("noveltylens.fixtures", "fixtures"));
    }

    /** The non-blank lines of {@code fixtures/<name>.txt.gz}, or of {@code <name>.txt}. */
    public static List<String> lines(String name) {
        return lines(name, Integer.MAX_VALUE);
    }

    /** The first {@code count} non-blank lines of {@code fixtures/<name>.txt.gz}, or of {@code <name>.txt}. */
    public static List<String> lines(String name, int count) {
        Path gz = dir().resolve(name + ".txt.gz");
        try {
            return TextLines.read(Files.exists(gz) ? gz : dir().resolve(name + ".txt")).stream()
                    .filter(line -> !line.isBlank()).limit(count).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read fixture " + name + " under " + dir().toAbsolutePath(), e);
        }
    }

    /** {@code perSource} lines from each real source, sources interleaved so any prefix mixes registers. */
    public static List<String> mixed(int perSource) {
        List<List<String>> sources = REAL.stream().map(name -> lines(name, perSource)).toList();
        List<String> mixed = new ArrayList<>();
        for (int i = 0; i < perSource; i++) {
            for (List<String> source : sources) {
                if (i < source.size()) {
                    mixed.add(source.get(i));
                }
            }
        }
        return mixed;
    }
}
