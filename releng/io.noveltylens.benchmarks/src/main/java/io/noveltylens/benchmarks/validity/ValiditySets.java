package io.noveltylens.benchmarks.validity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.stream.IntStream;

/**
 * The reference corpus and the held-out sets, fixed by the block positions and the seed alone (nothing here looks
 * at a readout).
 *
 * <p>Reference: Austen and Moby Dick, each without its held-out blocks: from every 50 lines, lines 50m+20 to 50m+26
 * (0-based). The held-out paragraph of a block is its middle line (50m+23), whose nearest indexed lines are 4 away,
 * so like the engine's leave-window-out reference statistics (window 2) the unit's own neighbourhood in the source
 * is absent from the index. A held-out sentence is one sentence of that middle line; a joined unit is the block's
 * middle three lines.
 */
final class ValiditySets {

    /** Issue 14. */
    private static final long SEED = 14;
    private static final int PER_SET = 80;
    private static final int BLOCK_EVERY = 50;
    private static final int BLOCK_FIRST = 20;
    private static final int BLOCK_LENGTH = 7;
    private static final int MIN_WORDS = 6;
    /**
     * The index cuts passages longer than this at sentence ends (IndexSettings.maxPassageWords), so a longer corpus
     * line is no exact corpus passage; every single-paragraph unit keeps to it, so that the sets have alike lengths.
     */
    private static final int MAX_PARAGRAPH_WORDS = 150;
    /** Fewer edits would leave the "paraphrase" nearly a copy. */
    private static final int MIN_PARAPHRASE_EDITS = 2;
    /** Title pages and prefaces of the other authors' books, which are not their prose. */
    private static final int FRONT_MATTER_LINES = 10;

    /** A unit's text and origin before it is given its set and granularity. */
    private record Draft(String origin, String text) {
    }

    private record Line(Source source, int index) {
        String text() {
            return source.lines().get(index);
        }

        String origin() {
            return source.origin(index);
        }
    }

    private final List<Source> reference;
    private final List<Source> otherAuthors;
    private final List<Source> otherGenres;

    ValiditySets(List<Source> reference, List<Source> otherAuthors, List<Source> otherGenres) {
        this.reference = reference;
        this.otherAuthors = otherAuthors;
        this.otherGenres = otherGenres;
    }

    /** The sources as the repository holds them (releng/validity/PROVENANCE.md). */
    static ValiditySets fromRepository(Path repository) throws IOException {
        Path corpus = repository.resolve("bundles/io.noveltylens.corpus.default/corpus");
        Path copied = repository.resolve("releng/validity");
        Path fixtures = repository.resolve("bundles/io.noveltylens.core.tests/fixtures");
        return new ValiditySets(
                List.of(Source.read(corpus.resolve("austen.txt.gz")), Source.read(corpus.resolve("mobydick.txt.gz"))),
                List.of(Source.read(copied.resolve("sherlock.txt.gz")), Source.read(copied.resolve("huckfinn.txt.gz")),
                        Source.read(corpus.resolve("tomsawyer.txt.gz"))),
                List.of(Source.read(corpus.resolve("sotu.txt.gz")), Source.read(corpus.resolve("kjv.txt.gz")),
                        Source.read(fixtures.resolve("wordnet-200.txt.gz"))));
    }

    private static boolean heldOut(int line) {
        int offset = line % BLOCK_EVERY;
        return offset >= BLOCK_FIRST && offset < BLOCK_FIRST + BLOCK_LENGTH;
    }

    /**
     * Writes the reference sources without their held-out lines into {@code folder}, one passage per line; a file
     * whose content is unchanged is not rewritten, so a rerun finds the index up to date.
     */
    void writeReferenceCorpus(Path folder) throws IOException {
        Files.createDirectories(folder);
        for (Source source : reference) {
            String content = String.join("\n", indexedLines(source).stream().map(Line::text).toList()) + "\n";
            Path file = folder.resolve(source.name() + ".txt");
            if (!Files.exists(file) || !Files.readString(file, StandardCharsets.UTF_8).equals(content)) {
                Files.writeString(file, content, StandardCharsets.UTF_8);
            }
        }
    }

    List<Unit> units() {
        List<Line> indexed = new ArrayList<>();
        List<Line> blocks = new ArrayList<>();
        for (Source source : reference) {
            indexed.addAll(indexedLines(source));
            for (int first = BLOCK_FIRST; first + BLOCK_LENGTH <= source.lines().size(); first += BLOCK_EVERY) {
                blocks.add(new Line(source, first));
            }
        }
        List<Unit> units = new ArrayList<>();
        units.addAll(pick(indexed, PER_SET, ValiditySet.COPY, Granularity.PARAGRAPH, ValiditySets::paragraph));
        units.addAll(pick(indexed, PER_SET, ValiditySet.COPY, Granularity.SENTENCE, ValiditySets::sentence));
        units.addAll(pick(indexed, PER_SET, ValiditySet.PARAPHRASE, Granularity.PARAGRAPH,
                (line, random) -> paraphrased(paragraph(line, random))));
        units.addAll(pick(indexed, PER_SET, ValiditySet.PARAPHRASE, Granularity.SENTENCE,
                (line, random) -> paraphrased(sentence(line, random))));
        units.addAll(pick(blocks, PER_SET, ValiditySet.UNSEEN, Granularity.PARAGRAPH,
                (block, random) -> paragraph(middle(block), random)));
        units.addAll(pick(blocks, PER_SET, ValiditySet.UNSEEN, Granularity.SENTENCE,
                (block, random) -> sentence(middle(block), random)));
        units.addAll(pick(blocks, PER_SET, ValiditySet.UNSEEN_JOINED, Granularity.JOINED,
                (block, random) -> joined(new Line(block.source(), block.index() + BLOCK_LENGTH / 2 - 1))));
        for (Granularity granularity : List.of(Granularity.PARAGRAPH, Granularity.SENTENCE)) {
            BiFunction<Line, Random, Draft> make = granularity == Granularity.PARAGRAPH ? ValiditySets::paragraph
                    : ValiditySets::sentence;
            units.addAll(spread(otherAuthors, FRONT_MATTER_LINES, ValiditySet.OTHER_AUTHOR, granularity, make));
            units.addAll(spread(otherGenres, 0, ValiditySet.OTHER_GENRE, granularity, make));
        }
        units.addAll(spread(otherGenres, 0, ValiditySet.OTHER_GENRE_JOINED, Granularity.JOINED,
                (start, random) -> joined(start)));
        return units;
    }

    private static List<Line> indexedLines(Source source) {
        return IntStream.range(0, source.lines().size()).filter(line -> !heldOut(line))
                .mapToObj(line -> new Line(source, line)).toList();
    }

    private static Line middle(Line block) {
        return new Line(block.source(), block.index() + BLOCK_LENGTH / 2);
    }

    /** {@link #PER_SET} units drawn about equally from each source, from line {@code skip} on. */
    private static List<Unit> spread(List<Source> sources, int skip, ValiditySet set, Granularity granularity,
            BiFunction<Line, Random, Draft> make) {
        List<Unit> units = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            Source source = sources.get(i);
            int count = PER_SET / sources.size() + (i < PER_SET % sources.size() ? 1 : 0);
            // a joined unit needs two lines after its first
            int end = source.lines().size() - (granularity == Granularity.JOINED ? 2 : 0);
            List<Line> pool = IntStream.range(skip, end).mapToObj(line -> new Line(source, line)).toList();
            units.addAll(pick(pool, count, set, granularity, make, source.name()));
        }
        return units;
    }

    private static <T> List<Unit> pick(List<T> pool, int count, ValiditySet set, Granularity granularity,
            BiFunction<T, Random, Draft> make) {
        return pick(pool, count, set, granularity, make, "");
    }

    /**
     * The first {@code count} candidates, in a seeded shuffled order, that make a unit; each set, granularity and
     * source has its own seeded generator, so changing one set leaves the others as they were.
     */
    private static <T> List<Unit> pick(List<T> pool, int count, ValiditySet set, Granularity granularity,
            BiFunction<T, Random, Draft> make, String stream) {
        Random random = new Random(Objects.hash(SEED, set.label(), granularity.label(), stream));
        List<T> order = new ArrayList<>(pool);
        Collections.shuffle(order, random);
        List<Unit> units = new ArrayList<>();
        for (T candidate : order) {
            if (units.size() == count) {
                break;
            }
            Draft draft = make.apply(candidate, random);
            if (draft != null) {
                units.add(new Unit(set, granularity, draft.origin(), draft.text()));
            }
        }
        if (units.size() < count) {
            throw new IllegalStateException(
                    "only " + units.size() + " units for " + set.label() + " " + granularity.label() + " " + stream);
        }
        return units;
    }

    private static Draft paragraph(Line line, Random random) {
        int words = Sentences.words(line.text());
        return words >= MIN_WORDS && words <= MAX_PARAGRAPH_WORDS ? new Draft(line.origin(), line.text()) : null;
    }

    /** A sentence of at least {@link #MIN_WORDS} words of the line, drawn with the set's generator. */
    private static Draft sentence(Line line, Random random) {
        List<String> sentences = Sentences.split(line.text()).stream()
                .filter(sentence -> Sentences.words(sentence) >= MIN_WORDS).toList();
        return sentences.isEmpty() ? null
                : new Draft(line.origin(), sentences.get(random.nextInt(sentences.size())));
    }

    private static Draft paraphrased(Draft original) {
        if (original == null) {
            return null;
        }
        Paraphraser.Result paraphrase = Paraphraser.paraphrase(original.text());
        return paraphrase.edits() >= MIN_PARAPHRASE_EDITS ? new Draft(original.origin(), paraphrase.text()) : null;
    }

    /**
     * Three consecutive lines from {@code first}, joined with a single space: {@code novelty score -} reads one
     * passage per line, so a blank line between them would make three units.
     */
    private static Draft joined(Line first) {
        List<String> lines = first.source().lines().subList(first.index(), first.index() + 3);
        return new Draft(first.origin() + "-" + (first.index() + 2), String.join(" ", lines));
    }
}
