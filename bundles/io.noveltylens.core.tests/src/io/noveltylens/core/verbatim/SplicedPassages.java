package io.noveltylens.core.verbatim;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random test passages that splice runs of 1-16 words from random corpus passages with single corpus words: matches of
 * every length occur, and so do accidental ones across the seams.
 */
final class SplicedPassages {

    private final List<List<String>> passages;
    private final List<String> vocabulary;

    SplicedPassages(List<String> corpus, VerbatimAnalyzer analyzer) {
        passages = corpus.stream().map(text -> analyzer.words(text).stream().map(Word::term).toList()).toList();
        vocabulary = passages.stream().flatMap(List::stream).toList();
    }

    List<String> next(Random random, int minWords) {
        List<String> words = new ArrayList<>();
        while (words.size() < minWords) {
            List<String> source = passages.get(random.nextInt(passages.size()));
            int from = random.nextInt(source.size());
            words.addAll(source.subList(from, Math.min(source.size(), from + 1 + random.nextInt(16))));
            words.add(vocabulary.get(random.nextInt(vocabulary.size())));
        }
        return words;
    }
}
