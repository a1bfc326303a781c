package io.noveltylens.core.analysis;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import io.noveltylens.core.CoreText;
import io.noveltylens.core.NoveltyException;
import io.noveltylens.core.NoveltyException.Kind;
import io.noveltylens.core.Progress;
import io.noveltylens.core.calibration.Calibration;
import io.noveltylens.core.calibration.ReadoutBands;
import io.noveltylens.core.corpus.Provenance;
import io.noveltylens.core.corpus.SentenceSplitter;
import io.noveltylens.core.corpus.TextSpan;
import io.noveltylens.core.density.DensityReadout;
import io.noveltylens.core.density.NeighbourList;
import io.noveltylens.core.embed.Embedder;
import io.noveltylens.core.embed.Embedding;
import io.noveltylens.core.exclude.Exclusions;
import io.noveltylens.core.exclude.MaskedText;
import io.noveltylens.core.index.CorpusIndex;
import io.noveltylens.core.index.HullData;
import io.noveltylens.core.index.NearbySentences;
import io.noveltylens.core.index.Neighbour;
import io.noveltylens.core.math.FloatMatrix;
import io.noveltylens.core.verbatim.VerbatimAnalyzer;
import io.noveltylens.core.verbatim.VerbatimOverlap;
import io.noveltylens.core.verbatim.VerbatimReadout;
import io.noveltylens.core.verbatim.VerbatimSpan;

/**
 * Computes {@link NoveltyReport}s: the fast readouts from one embedding and one kNN query, the sentence breakdown, and
 * on request the slow hull readouts. Thread-safe; holds no state of its own beyond its collaborators.
 */
public final class NoveltyAnalyzer {

    /** The largest passage analysed at once; longer selections are refused with this number in the message. */
    public static final int MAX_CHARS = 1_000_000;
    /** Sentences scored one by one in a report's breakdown, at most; the heatmap streams ranges of any length. */
    public static final int MAX_SENTENCES = 200;

    private final Embedder embedder;
    private final CorpusIndex index;
    private final int k;
    private final VerbatimOverlap verbatim;
    private final HullAnalysis hull;
    private final NearbySentences nearby;

    public NoveltyAnalyzer(Embedder embedder, CorpusIndex index, int k, HullAnalysis hull) {
        this.embedder = embedder;
        this.index = index;
        this.k = k;
        this.verbatim = new VerbatimOverlap(index.phrases(), VerbatimAnalyzer.create());
        this.hull = hull;
        this.nearby = new NearbySentences(embedder);
    }

    /** The time {@link #withHull(NoveltyReport, Progress)} allows the hull readouts of one passage. */
    public Duration hullBudget() {
        return hull.budget();
    }

    /** The fast readouts; {@link NoveltyReport#hull()} is null. */
    public NoveltyReport analyze(String text, Progress progress) throws NoveltyException {
        return analyze(text, k, progress);
    }

    /** The nearest passages a report lists unless told otherwise. */
    public int k() {
        return k;
    }

    /** The fast readouts listing {@code listed} nearest passages instead of the configured k (the IDE's setting). */
    public NoveltyReport analyze(String text, int listed, Progress progress) throws NoveltyException {
        return analyze(text, Exclusions.NONE, listed, progress);
    }

    /**
     * The fast readouts of what {@code exclusions} leave of {@code text}; the report keeps the text as given and the
     * ranges left out. Refused with a message saying what was left out when that is everything.
     */
    public NoveltyReport analyze(String text, Exclusions exclusions, int listed, Progress progress)
            throws NoveltyException {
        // checked before masking, which a text of any length would pay for
        checked(text);
        return analyzeChecked(exclusions.mask(text), listed, progress);
    }

    /**
     * The fast readouts of a text already masked: for a caller that masks a larger text than it analyses (the
     * annotator masks each passage as read, then scores it whitespace-collapsed). Refused as
     * {@link #analyze(String, Exclusions, int, Progress)} refuses.
     */
    public NoveltyReport analyze(MaskedText masked, int listed, Progress progress) throws NoveltyException {
        checked(masked.original());
        return analyzeChecked(masked, listed, progress);
    }

    private NoveltyReport analyzeChecked(MaskedText masked, int listed, Progress progress) throws NoveltyException {
        long start = System.nanoTime();
        String text = masked.original();
        if (masked.nothingLeft()) {
            throw new NoveltyException(Kind.BAD_INPUT,
                    CoreText.bind(CoreText.NoveltyAnalyzer_allExcluded, masked.summary()));
        }
        String analysed = masked.analysed();
        String passage = analysed.strip();
        Embedding embedding = embedder.embedQuery(passage);
        progress.checkCanceled();
        List<Neighbour> searched = index.nearest(embedding.unit(), searchK(listed));
        DensityReadout density = density(searched, passage);
        List<Neighbour> neighbours = searched.subList(0, Math.min(listed, searched.size()));
        // measured on the unstripped text, so that the runs' offsets are offsets of the text as given
        VerbatimReadout overlap = verbatim(analysed);
        List<SentenceReadout> sentences = sentences(analysed, progress);
        NeighbourhoodMap map = map(embedding, neighbours);
        return new NoveltyReport(text, embedder.model().id(), embedding, neighbours, density, overlap,
                quotation(overlap), sentences, map, null, (System.nanoTime() - start) / 1_000_000,
                masked.excluded());
    }

    /**
     * Loads what the hull readouts need (unit vectors, PCA, projection, the solvers' scales: about half a second for
     * the default corpus), so that the first {@link #withHull} spends its budget on the passage, not on loading.
     */
    public void prepareHull() throws NoveltyException {
        hull.prepare(index.hullData());
    }

    /** {@link #prepareHull}, then one made-up query through the solvers ({@link HullAnalysis#warmUp}). */
    public void warmUpHull() throws NoveltyException {
        hull.warmUp(index.hullData());
    }

    /** The report with its hull readouts, computed within the hull budget. */
    public NoveltyReport withHull(NoveltyReport report, Progress progress) throws NoveltyException {
        return withHull(report, null, progress);
    }

    /** The report with its hull readouts, computed within {@code budget} (null: the default hull budget). */
    public NoveltyReport withHull(NoveltyReport report, Duration budget, Progress progress) throws NoveltyException {
        if (report.hull() != null) {
            return report;
        }
        int nearest = report.neighbours().isEmpty() ? -1 : report.neighbours().get(0).ordinal();
        HullData data = index.hullData();
        float[] query = report.embedding().unit();
        String text = report.analysedText();
        FloatMatrix points = Calibration.oneSentence(text) ? nearbySentences(report, progress) : null;
        HullReport readouts = hull.analyze(query, nearest, data, points, budget == null ? hull.budget() : budget,
                progress);
        Optional<Calibration> calibration = index.calibration();
        if (calibration.isPresent()) {
            Calibration.Match match = calibration.get().match(text);
            ReadoutBands reference = match.bands();
            readouts = readouts.withPercentiles(new HullPercentiles(
                    reference.hullPercentile(match.words(), readouts.distance().estimate()),
                    reference.depthPercentile(match.words(), readouts.depth().depth()),
                    match.comparedWith(reference.hull())));
        }
        return report.withHull(readouts);
    }

    /** The sentences of the passages nearest to a one-sentence report, embedded: more points of its hull. */
    private FloatMatrix nearbySentences(NoveltyReport report, Progress progress) throws NoveltyException {
        List<Neighbour> nearest = report.neighbours().size() >= NearbySentences.PASSAGES ? report.neighbours()
                : index.nearest(report.embedding().unit(), NearbySentences.PASSAGES);
        nearest = nearest.subList(0, Math.min(NearbySentences.PASSAGES, nearest.size()));
        return nearby.of(nearest.stream().mapToInt(Neighbour::ordinal).toArray(),
                nearest.stream().map(Neighbour::text).toList(), progress);
    }

    /** Per-sentence fast readouts of {@code text}, at most {@link #MAX_SENTENCES}: a report's sentence breakdown. */
    private List<SentenceReadout> sentences(String text, Progress progress) throws NoveltyException {
        List<TextSpan> spans = SentenceSplitter.sentences(text);
        if (spans.size() < 2) {
            return List.of();
        }
        List<TextSpan> scored = spans.subList(0, Math.min(spans.size(), MAX_SENTENCES));
        progress.begin(CoreText.NoveltyAnalyzer_scoringSentences, scored.size());
        List<SentenceReadout> readouts = new ArrayList<>(scored.size());
        for (TextSpan span : scored) {
            progress.checkCanceled();
            readouts.add(sentence(text, span));
            progress.worked(1);
        }
        return readouts;
    }

    /**
     * Scores every sentence of {@code text[from, to)} on its own, however many, and hands each readout to
     * {@code sink} as soon as it is scored, its span in offsets of {@code text}: the editor heatmap colours a long
     * document from the top while the rest is still being scored. A range of one sentence gets its readout too.
     * Stops between two sentences when {@code progress} is cancelled.
     */
    public void sentences(String text, int from, int to, Consumer<SentenceReadout> sink, Progress progress)
            throws NoveltyException {
        List<TextSpan> spans = SentenceSplitter.sentences(text, from, to);
        progress.begin(CoreText.NoveltyAnalyzer_scoringSentences, spans.size());
        for (TextSpan span : spans) {
            progress.checkCanceled();
            sink.accept(sentence(text, span));
            progress.worked(1);
        }
    }

    /** The fast readouts of the sentence at {@code span} of {@code text}, scored without the text around it. */
    private SentenceReadout sentence(String text, TextSpan span) throws NoveltyException {
        String sentence = span.of(text);
        Embedding embedding = embedder.embedQuery(sentence);
        List<Neighbour> neighbours = index.nearest(embedding.unit(), searchK(k));
        double nearest = neighbours.isEmpty() ? 0 : neighbours.get(0).cosine();
        DensityReadout density = density(neighbours, sentence);
        VerbatimReadout overlap = verbatim(sentence);
        return new SentenceReadout(span, density, nearest, overlap.coverage(VerbatimOverlap.SHORTEST),
                MatchLevel.of(overlap, nearest, density.percentile()));
    }

    /**
     * The density statistics were computed with the index's k; LOF and LoOP compare like with like only when the
     * query uses the same k, whatever number of neighbours the user asked to see.
     */
    private int searchK(int listed) {
        return Math.max(listed, index.density().k());
    }

    /**
     * Density from the index's k nearest of {@code neighbours} (best first), its percentile against the corpus's own
     * text like {@code text} when the index is calibrated: a sentence against sentences of its length, a paragraph
     * against passages of several sentences of its length (docs/design.md, Calibration).
     */
    private DensityReadout density(List<Neighbour> neighbours, String text) throws NoveltyException {
        neighbours = neighbours.subList(0, Math.min(neighbours.size(), index.density().k()));
        int[] ids = new int[neighbours.size()];
        float[] distances = new float[neighbours.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = neighbours.get(i).ordinal();
            distances[i] = (float) neighbours.get(i).distance();
        }
        DensityReadout readout = index.density().score(new NeighbourList(ids, distances));
        Optional<Calibration> calibration = index.calibration();
        if (calibration.isEmpty()) {
            return readout;
        }
        Calibration.Match match = calibration.get().match(text);
        return readout.withPercentile(match.bands().densityPercentile(match.words(), readout.meanDistance()),
                match.comparedWith(match.bands().density()));
    }

    private VerbatimReadout verbatim(String passage) throws NoveltyException {
        try {
            return verbatim.measure(passage);
        } catch (IOException e) {
            throw new NoveltyException(Kind.INDEX,
                    CoreText.bind(CoreText.NoveltyAnalyzer_verbatimFailed, e.getMessage()),
                    e);
        }
    }

    private Quotation quotation(VerbatimReadout overlap) throws NoveltyException {
        Optional<VerbatimSpan> longest = overlap.longest();
        if (longest.isEmpty() || longest.get().wordCount() < Quotation.MIN_WORDS
                || longest.get().documents().isEmpty()) {
            return null;
        }
        Provenance where = index.passage(longest.get().documents().get(0)).sources().get(0);
        // the file's name, as the neighbours show it: the folder is in the index's description
        return new Quotation(longest.get().wordCount(), Path.of(where.source()).getFileName() + ":" + where.line());
    }

    private NeighbourhoodMap map(Embedding query, List<Neighbour> neighbours) throws NoveltyException {
        float[][] units = new float[neighbours.size() + 1][];
        units[0] = query.unit();
        for (int i = 0; i < neighbours.size(); i++) {
            units[i + 1] = index.vector(neighbours.get(i).ordinal());
        }
        return NeighbourhoodMap.of(units);
    }

    private static void checked(String text) throws NoveltyException {
        if (text == null || text.isBlank()) {
            throw new NoveltyException(Kind.BAD_INPUT, CoreText.NoveltyAnalyzer_empty);
        }
        if (text.length() > MAX_CHARS) {
            throw new NoveltyException(Kind.BAD_INPUT,
                    CoreText.bind(CoreText.NoveltyAnalyzer_tooLong, text.length(), MAX_CHARS));
        }
        if (text.codePoints().noneMatch(Character::isLetterOrDigit)) {
            throw new NoveltyException(Kind.BAD_INPUT, CoreText.NoveltyAnalyzer_noLetters);
        }
    }
}
