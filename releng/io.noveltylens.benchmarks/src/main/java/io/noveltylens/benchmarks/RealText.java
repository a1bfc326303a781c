package io.noveltylens.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import io.noveltylens.core.NoveltyException;
import io.noveltylens.core.Progress;
import io.noveltylens.core.corpus.CorpusPassage;
import io.noveltylens.core.corpus.CorpusReadResult;
import io.noveltylens.core.corpus.CorpusReader;
import io.noveltylens.core.corpus.DistinctPassages;
import io.noveltylens.core.corpus.PassageSplitter;
import io.noveltylens.core.corpus.SentenceSplitter;
import io.noveltylens.core.corpus.TextSpan;
import io.noveltylens.core.index.IndexSettings;
import io.noveltylens.test.support.TextLines;

/** The real text every benchmark runs on: never generated strings. */
final class RealText {

    /**
     * langchain4j cuts a text at the tokenizer.json's 128 word pieces (docs/design.md section 4); 60 words stays well under
     * that (about 1.3 pieces a word), so the peer embeds the same text we do.
     */
    private static final int MAX_SENTENCE_WORDS = 60;
    private static final int MIN_SENTENCE_WORDS = 4;
    /** Sentences from books the default corpus does not contain, for queries. */
    private static final List<String> HELD_OUT = List.of("sherlock-200", "wordnet-200");

    private RealText() {
    }

    /** {@code count} sentences spread evenly over the default corpus's files, in a fixed order. */
    static List<String> corpusSentences(Path corpusDir, int count) throws IOException {
        List<String> all = new ArrayList<>();
        try (Stream<Path> files = Files.list(corpusDir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".txt.gz")).sorted().toList()) {
                for (String paragraph : nonBlankLines(file)) {
                    for (TextSpan span : SentenceSplitter.sentences(paragraph)) {
                        String sentence = span.of(paragraph).strip();
                        int words = sentence.split("\\s+").length;
                        if (words >= MIN_SENTENCE_WORDS && words <= MAX_SENTENCE_WORDS) {
                            all.add(sentence);
                        }
                    }
                }
            }
        }
        return evenly(new ArrayList<>(new LinkedHashSet<>(all)), count);
    }

    /** The default corpus's passages as the index builder reads them, {@code count} of them spread evenly. */
    static List<String> corpusPassages(Path corpusDir, int count) throws NoveltyException, IOException {
        IndexSettings settings = IndexSettings.defaults();
        List<String> passages = new ArrayList<>();
        Path scratch = Files.createTempDirectory("novelty-reading");
        try (CorpusReadResult read = new CorpusReader(new PassageSplitter(settings.maxPassageWords()),
                settings.maxFileBytes()).read(List.of(corpusDir), scratch, Progress.NONE);
                DistinctPassages.Cursor cursor = read.passages().cursor()) {
            for (List<CorpusPassage> batch = cursor.next(4096); !batch.isEmpty(); batch = cursor.next(4096)) {
                batch.forEach(passage -> passages.add(passage.text()));
            }
        } finally {
            Files.delete(scratch);
        }
        return evenly(passages, count);
    }

    /** Held-out sentences (not in the default corpus), one selection each, in a fixed order. */
    static List<String> heldOutSentences(Path fixtures) throws IOException {
        Set<String> sentences = new LinkedHashSet<>();
        for (String name : HELD_OUT) {
            for (String line : nonBlankLines(fixtures.resolve(name + ".txt.gz"))) {
                for (TextSpan span : SentenceSplitter.sentences(line)) {
                    String sentence = span.of(line).strip();
                    if (sentence.split("\\s+").length >= MIN_SENTENCE_WORDS) {
                        sentences.add(sentence);
                    }
                }
            }
        }
        return List.copyOf(sentences);
    }

    static <T> List<T> evenly(List<T> all, int count) {
        if (all.size() < count) {
            throw new IllegalStateException("asked for " + count + " items, the corpus has " + all.size());
        }
        List<T> picked = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            picked.add(all.get((int) ((long) i * all.size() / count)));
        }
        return picked;
    }

    private static List<String> nonBlankLines(Path file) throws IOException {
        return TextLines.read(file).stream().filter(line -> !line.isBlank()).toList();
    }
}
