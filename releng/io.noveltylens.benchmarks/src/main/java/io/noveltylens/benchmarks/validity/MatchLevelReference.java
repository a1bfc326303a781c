package io.noveltylens.benchmarks.validity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;

import io.noveltylens.core.NoveltyException;
import io.noveltylens.core.corpus.Provenance;
import io.noveltylens.core.embed.ModelDescriptor;
import io.noveltylens.core.embed.OnnxEmbedder;
import io.noveltylens.core.index.LuceneCorpusIndex;
import io.noveltylens.core.index.Neighbour;
import io.noveltylens.core.verbatim.PhraseIndex;
import io.noveltylens.core.verbatim.VerbatimAnalyzer;
import io.noveltylens.core.verbatim.VerbatimOverlap;
import io.noveltylens.core.verbatim.VerbatimReadout;

/**
 * Where core's MatchLevel thresholds come from: the reference corpus's own sentences, each scored as new text against
 * the rest of the index, i.e. without the corpus lines within {@link #WINDOW} of its own in its source (the engine's
 * calibration leaves the same window out: ReferenceUnits.WINDOW). Such a sentence is ordinary text of the corpus's
 * kind that the corpus does not contain, so a level above "related" should rarely be given to it: the thresholds are
 * the {@link #QUANTILE} quantiles of its nearest cosine and of its verbatim coverage. Nothing here reads the held-out
 * sets.
 */
final class MatchLevelReference {

    static final int SENTENCES = 1000;
    static final double QUANTILE = 99;
    private static final int WINDOW = 2;
    private static final int MIN_WORDS = 6;
    private static final long SEED = 16;
    /** Neighbours searched, so that the nearest outside the window is among them. */
    private static final int SEARCHED = 40;
    /** Documents a phrase look-up asks for beyond what the caller wants, to make up for those left out. */
    private static final int SPARE_DOCUMENTS = 64;

    /** A sentence of line {@code line} (0-based) of the corpus file {@code file}. */
    private record Drawn(String file, int line, String text) {
    }

    private MatchLevelReference() {
    }

    /** Measures, writes WORK/match-levels-reference.md and returns its Markdown. */
    static String measure(Path modelDir, Path work) throws IOException, NoveltyException {
        List<Drawn> sentences = draw(work.resolve("corpus"));
        Path cache = work.resolve("native-cache");
        double[] cosines = new double[sentences.size()];
        double[] coverages = new double[sentences.size()];
        int identical = 0;
        try (OnnxEmbedder embedder = OnnxEmbedder.open(ModelDescriptor.load(modelDir, cache), cache);
                LuceneCorpusIndex index = LuceneCorpusIndex.open(work.resolve("index"), embedder.fingerprint(),
                        embedder.model().dimension())) {
            Map<Integer, List<Provenance>> sources = new HashMap<>();
            for (int i = 0; i < sentences.size(); i++) {
                Drawn sentence = sentences.get(i);
                PhraseIndex phrases = new PhrasesOutsideWindow(index, sentence, sources);
                cosines[i] = nearestOutside(index, embedder.embedQuery(sentence.text()).unit(), sentence, sources);
                VerbatimReadout verbatim = new VerbatimOverlap(phrases, VerbatimAnalyzer.create())
                        .measure(sentence.text());
                coverages[i] = verbatim.coverage(VerbatimOverlap.SHORTEST);
                int words = verbatim.wordCount();
                if (verbatim.longest().filter(run -> run.wordCount() == words).isPresent()) {
                    identical++;
                }
            }
        }
        String markdown = markdown(sentences.size(), cosines, coverages, identical);
        Files.writeString(work.resolve("match-levels-reference.md"), markdown, StandardCharsets.UTF_8);
        return markdown;
    }

    /** {@link #SENTENCES} sentences of {@link #MIN_WORDS}+ words by the harness's rule, one per line drawn. */
    private static List<Drawn> draw(Path corpus) throws IOException {
        List<Drawn> candidates = new ArrayList<>();
        Random random = new Random(SEED);
        List<Path> files;
        try (var listing = Files.list(corpus)) {
            files = listing.sorted().toList();
        }
        for (Path file : files) {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int line = 0; line < lines.size(); line++) {
                List<String> longEnough = Sentences.split(lines.get(line)).stream()
                        .filter(s -> Sentences.words(s) >= MIN_WORDS).toList();
                if (!longEnough.isEmpty()) {
                    candidates.add(new Drawn(file.getFileName().toString(), line,
                            longEnough.get(random.nextInt(longEnough.size()))));
                }
            }
        }
        Collections.shuffle(candidates, random);
        return candidates.subList(0, Math.min(SENTENCES, candidates.size()));
    }

    private static double nearestOutside(LuceneCorpusIndex index, float[] query, Drawn sentence,
            Map<Integer, List<Provenance>> sources) throws NoveltyException {
        for (Neighbour neighbour : index.nearest(query, SEARCHED)) {
            if (!inWindow(neighbour.sources(), sentence)) {
                return neighbour.cosine();
            }
        }
        throw new IllegalStateException("every one of " + SEARCHED + " neighbours is next to " + sentence);
    }

    /** Whether the passage occurs within {@link #WINDOW} lines of the sentence's own line of its file. */
    private static boolean inWindow(List<Provenance> sources, Drawn sentence) {
        for (Provenance source : sources) {
            // Provenance lines are 1-based
            if (Path.of(source.source()).getFileName().toString().equals(sentence.file())
                    && Math.abs(source.line() - 1 - sentence.line()) <= WINDOW) {
                return true;
            }
        }
        return false;
    }

    /** The index's phrase look-ups without the passages in the sentence's window. */
    private record PhrasesOutsideWindow(LuceneCorpusIndex index, Drawn sentence,
            Map<Integer, List<Provenance>> sources) implements PhraseIndex {

        @Override
        public int[] documentsWith(List<String> terms, int max) throws IOException {
            int[] found = index.phrases().documentsWith(terms, max + SPARE_DOCUMENTS);
            int[] kept = new int[Math.min(max, found.length)];
            int n = 0;
            for (int document : found) {
                if (n == kept.length) {
                    break;
                }
                if (!inWindow(sourcesOf(document), sentence)) {
                    kept[n++] = document;
                }
            }
            return Arrays.copyOf(kept, n);
        }

        private List<Provenance> sourcesOf(int document) throws IOException {
            List<Provenance> known = sources.get(document);
            if (known == null) {
                try {
                    known = index.passage(document).sources();
                } catch (NoveltyException e) {
                    throw new IOException(e.getMessage(), e);
                }
                sources.put(document, known);
            }
            return known;
        }
    }

    private static String markdown(int n, double[] cosines, double[] coverages, int identical) {
        Percentile quantile = new Percentile().withEstimationType(EstimationType.R_7);
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT,
                "Match-level thresholds from %d sentences of the reference corpus, each scored against the index"
                        + " without the lines within %d of its own (quantiles):%n%n",
                n, WINDOW));
        out.append("| readout | 50 % | 90 % | 95 % | 99 % | max |\n|---|---:|---:|---:|---:|---:|\n");
        for (var row : List.of(Map.entry("nearest cosine", cosines), Map.entry("verbatim coverage (5+ words)",
                coverages))) {
            double[] values = row.getValue();
            out.append(String.format(Locale.ROOT, "| %s | %.3f | %.3f | %.3f | %.3f | %.3f |%n", row.getKey(),
                    quantile.evaluate(values, 50), quantile.evaluate(values, 90), quantile.evaluate(values, 95),
                    quantile.evaluate(values, QUANTILE), Arrays.stream(values).max().orElse(Double.NaN)));
        }
        out.append(String.format(Locale.ROOT,
                "%nWhole sentence found verbatim outside its window (the IDENTICAL rule): %d of %d.%n", identical, n));
        return out.toString();
    }
}
