package io.noveltylens.core.verbatim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.apache.lucene.search.IndexSearcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import io.noveltylens.core.embed.FixtureTexts;

/**
 * Measures (and prints; timings are not asserted on a shared machine) the readout of 60-word passages against a
 * 65,000-passage index built from the real-text fixtures: the 3,900 passages, then copies in which each word is
 * replaced by a random corpus word with probability 0.08, so that the index holds near-duplicates of every length.
 * The passages are 60-word stretches of the fixtures with 2, 10, 30 or 100 % of their words replaced.
 * <p>
 * Building the index takes 10-30 s on two shared cores, more than a unit test run should spend, so it runs only with
 * {@code -Dnoveltylens.benchmarks=true}.
 */
@EnabledIfSystemProperty(named = "noveltylens.benchmarks", matches = "true")
class VerbatimTimingTest {

    private static final int PASSAGES = 65_000;

    private static final VerbatimAnalyzer ANALYZER = VerbatimAnalyzer.create();

    @Test
    void sixtyWordPassageAgainst65000PassagesTakesMilliseconds() throws IOException {
        List<List<String>> originals = Stream.of("austen-1500", "kjv-1000", "sotu-1000", "sherlock-200", "wordnet-200")
                .flatMap(name -> FixtureTexts.lines(name).stream())
                .map(text -> ANALYZER.words(text).stream().map(Word::term).toList()).toList();
        List<String> vocabulary = originals.stream().flatMap(List::stream).toList();
        Random random = new Random(65_000);
        List<String> corpus = new ArrayList<>(PASSAGES);
        for (int copy = 0; corpus.size() < PASSAGES; copy++) {
            double replaced = copy == 0 ? 0 : 0.08;
            for (int p = 0; p < originals.size() && corpus.size() < PASSAGES; p++) {
                corpus.add(String.join(" ", varied(originals.get(p), replaced, vocabulary, random)));
            }
        }
        long indexing = System.nanoTime();
        IndexSearcher searcher = CorpusIndexFixture.searcherOver(corpus);
        System.out.printf("Verbatim: %,d passages indexed (words + shingles) in %.1f s%n", PASSAGES,
                (System.nanoTime() - indexing) / 1e9);
        assertEquals(PASSAGES, searcher.getIndexReader().numDocs());

        List<String> passages = new ArrayList<>();
        double[] replacementRates = { 0.02, 0.1, 0.3, 1 };
        for (int q = 0; q < 200; q++) {
            int from = random.nextInt(vocabulary.size() - 60);
            passages.add(String.join(" ", varied(vocabulary.subList(from, from + 60),
                    replacementRates[q % replacementRates.length], vocabulary, random)));
        }
        VerbatimReadout[] byWords = time("word field", new LucenePhraseIndex(searcher, CorpusIndexFixture.FIELD),
                passages);
        VerbatimReadout[] byShingles = time("shingle field",
                new ShingledPhraseIndex(searcher, CorpusIndexFixture.FIELD, CorpusIndexFixture.SHINGLES), passages);
        assertEquals(List.of(byWords), List.of(byShingles));
    }

    /** Runs every passage twice (the first round warms the JIT up) and prints the second round's timings. */
    private static VerbatimReadout[] time(String label, PhraseIndex index, List<String> passages) throws IOException {
        long[] hits = new long[2]; // count and nanoseconds of phrase queries that found the phrase
        long[] misses = new long[2];
        PhraseIndex timed = (terms, max) -> {
            long start = System.nanoTime();
            int[] documents = index.documentsWith(terms, max);
            long[] tally = documents.length > 0 ? hits : misses;
            tally[0]++;
            tally[1] += System.nanoTime() - start;
            return documents;
        };
        VerbatimOverlap overlap = new VerbatimOverlap(timed, ANALYZER);
        VerbatimReadout[] readouts = new VerbatimReadout[passages.size()];
        double[] millis = new double[passages.size()];
        for (int round = 0; round < 2; round++) {
            Arrays.fill(hits, 0);
            Arrays.fill(misses, 0);
            for (int p = 0; p < passages.size(); p++) {
                long start = System.nanoTime();
                readouts[p] = overlap.measure(passages.get(p));
                millis[p] = (System.nanoTime() - start) / 1e6;
            }
        }
        double coverage = Arrays.stream(readouts).mapToDouble(r -> r.coverage(5)).average().orElseThrow();
        int n = passages.size();
        Arrays.sort(millis);
        System.out.printf("Verbatim, %s: 60-word readout mean %.2f ms, p50 %.2f, p95 %.2f, max %.2f; per passage"
                + " %.1f phrase queries found (%.3f ms each), %.1f not found (%.3f ms each); 5-word coverage %.0f %%%n",
                label, Arrays.stream(millis).average().orElseThrow(), millis[n / 2], millis[n * 95 / 100],
                millis[n - 1], (double) hits[0] / n, hits[1] / 1e6 / hits[0], (double) misses[0] / n,
                misses[1] / 1e6 / misses[0], 100 * coverage);
        return readouts;
    }

    private static List<String> varied(List<String> words, double replaced, List<String> vocabulary, Random random) {
        return words.stream()
                .map(w -> random.nextDouble() < replaced ? vocabulary.get(random.nextInt(vocabulary.size())) : w)
                .toList();
    }
}
