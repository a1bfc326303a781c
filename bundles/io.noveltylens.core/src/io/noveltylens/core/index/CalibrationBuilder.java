package io.noveltylens.core.index;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;

import io.noveltylens.core.NoveltyException;
import io.noveltylens.core.Progress;
import io.noveltylens.core.ProgressSlice;
import io.noveltylens.core.calibration.Calibration;
import io.noveltylens.core.calibration.LengthBands;
import io.noveltylens.core.calibration.ReadoutBands;
import io.noveltylens.core.calibration.ReferenceUnit;
import io.noveltylens.core.calibration.ReferenceUnits;
import io.noveltylens.core.corpus.DistinctPassages;
import io.noveltylens.core.corpus.TextNormalization;
import io.noveltylens.core.density.DensityModel;
import io.noveltylens.core.density.NeighbourList;
import io.noveltylens.core.embed.Embedder;
import io.noveltylens.core.embed.Embedding;
import io.noveltylens.core.hull.Deadline;
import io.noveltylens.core.hull.ComponentOracle;
import io.noveltylens.core.hull.ExtrapolationDepth;
import io.noveltylens.core.hull.HullDistance;
import io.noveltylens.core.hull.LinearOracle;
import io.noveltylens.core.hull.OracleFailure;
import io.noveltylens.core.hull.OracleWithAddedRows;
import io.noveltylens.core.hull.OracleWithoutRows;
import io.noveltylens.core.math.FloatMatrix;
import io.noveltylens.core.math.Pca;

/**
 * Scores the calibration's reference units exactly as queries are scored (embedded as queries, searched, measured by
 * the same density model and hull solvers), each against the corpus without the passages it leaves out, and keeps
 * the values by kind (one sentence or several) and length ({@link Calibration}). The corpus is behind a {@link Search}
 * and the hull readouts' oracles, so a local index (exact scans) and a SolrCloud collection (its own searches, as its
 * queries are answered) are calibrated by the same code. The units' embeddings go into a cache, so a rebuild of the
 * same corpus embeds none of them again.
 */
public final class CalibrationBuilder {

    /**
     * The k nearest passages of a unit vector among those not left out, with their distances, nearest first: found as
     * the corpus's queries find theirs. A remote corpus that stops answering throws {@link OracleFailure}, as its
     * hull oracles do.
     */
    @FunctionalInterface
    public interface Search {
        /** @param leftOut sorted ordinals */
        NeighbourList nearest(float[] unitQuery, int k, int[] leftOut) throws IOException;
    }

    /** A corpus passage's text by ordinal; called from several threads. A remote corpus fails as {@link Search}. */
    @FunctionalInterface
    public interface PassageTexts {
        String text(int ordinal) throws IOException;
    }

    /** Reference units per band of the density percentile: its resolution is about 100 / this many points. */
    static final int DENSITY_UNITS_PER_BAND = 250;
    /**
     * Reference units of each kind (sentence, passage, joined passages): 1,000 give the density percentile bands of
     * 250 units; a small corpus gets fewer, at least 100 (or all it has).
     */
    private static final int MAX_UNITS_PER_KIND = 1000;
    private static final int MIN_UNITS_PER_KIND = 100;
    /**
     * The hull solvers cost up to {@link #BUDGET} per unit: a share of the units is measured, every 6th (distance) and
     * every 15th (depth), but at least {@link #MIN_HULL_UNITS} and {@link #MIN_DEPTH_UNITS} (or all) of a small corpus,
     * so that its bands still hold a sample.
     */
    static final int HULL_SHARE = 6;
    static final int MIN_HULL_UNITS = 240;
    static final int HULL_UNITS_PER_BAND = 80;
    static final int DEPTH_SHARE = 15;
    static final int MIN_DEPTH_UNITS = 120;
    static final int DEPTH_UNITS_PER_BAND = 50;
    /**
     * Per unit, as a query gets in the IDE (EngineConfig.DEFAULT_HULL_BUDGET): the depth decided within a budget is
     * what the percentile compares, so the reference must get the same.
     */
    static final Duration BUDGET = Duration.ofMillis(300);
    private static final int HULL_ITERATIONS = 2000;
    private static final int EMBED_CHUNK = 256;

    private final Embedder embedder;
    private final EmbeddingCache cache;
    private final Search search;
    private final DensityModel density;
    private final LinearOracle units;
    private final Pca pca;
    private final ComponentOracle projected;
    private final PassageTexts passageText;
    private final NearbySentences sentences;
    private final int threads;

    /**
     * @param units       the corpus's unit vectors (the hull distance's space)
     * @param projected   the same on the leading components of {@code pca} (the extrapolation depth's space)
     * @param passageText a passage's text by ordinal: a one-sentence unit's hull has its nearest passages' sentences
     * @param threads     units measured at once: the cores of this machine, or the searches a cluster serves at once
     */
    public CalibrationBuilder(Embedder embedder, EmbeddingCache cache, Search search, DensityModel density,
            LinearOracle units, Pca pca, ComponentOracle projected, PassageTexts passageText, int threads) {
        this.embedder = embedder;
        this.cache = cache;
        this.search = search;
        this.density = density;
        this.units = units;
        this.pca = pca;
        this.projected = projected;
        this.passageText = passageText;
        this.sentences = new NearbySentences(embedder);
        this.threads = threads;
    }

    /**
     * The reference units of a corpus whose readouts use {@code k} neighbours: seeded, so a local index and a
     * collection of the same corpus are calibrated on the same units ({@link ReferenceUnits}).
     */
    public static List<ReferenceUnit> referenceUnits(DistinctPassages passages, int k) throws IOException {
        int perKind = Math.min(MAX_UNITS_PER_KIND, Math.max(MIN_UNITS_PER_KIND, passages.count() / 8));
        return ReferenceUnits.draw(passages, perKind, k);
    }

    /** The cache keys of {@code units}' embeddings, which the cache's compaction must keep. */
    public static Set<String> cacheKeys(List<ReferenceUnit> units) {
        Set<String> keys = new HashSet<>();
        for (ReferenceUnit unit : units) {
            keys.add(cacheKey(unit.text()));
        }
        return keys;
    }

    /**
     * @throws NoveltyException when the embedder fails, or a remote corpus stops answering (with its message)
     * @throws IOException      when a search of a local index fails
     */
    public Calibration build(List<ReferenceUnit> references, ProgressSlice progress)
            throws NoveltyException, IOException {
        int n = references.size();
        progress.begin("Calibrating the readouts on " + n + " pieces of the corpus", 2 * n);
        float[][] vectors = embed(references, progress);
        double[] meanDistance = new double[n];
        double[] hullDistance = new double[n];
        double[] negatedDepth = new double[n];
        int hullStride = stride(n, HULL_SHARE, MIN_HULL_UNITS);
        int depthStride = stride(n, DEPTH_SHARE, MIN_DEPTH_UNITS);
        try {
            ParallelPasses.run(n, threads, progress, "Calibrating the readouts",
                    i -> meanDistance[i] = measure(references.get(i), vectors[i],
                            i % hullStride == 0 ? hullDistance : null, i % depthStride == 0 ? negatedDepth : null, i));
        } catch (IOException e) {
            if (e.getCause() instanceof OracleFailure remote) {
                throw remote.failure();
            }
            throw e;
        }
        progress.checkCanceled();
        boolean[] oneSentence = new boolean[n];
        for (int i = 0; i < n; i++) {
            oneSentence[i] = references.get(i).oneSentence();
        }
        Measured measured = new Measured(references.stream().mapToInt(ReferenceUnit::words).toArray(), meanDistance,
                hullDistance, negatedDepth);
        ReadoutBands single = measured.bands(i -> oneSentence[i], hullStride, depthStride);
        ReadoutBands several = measured.bands(i -> !oneSentence[i], hullStride, depthStride);
        // a corpus without units of one kind (too small to draw them) reads that kind against the other
        return new Calibration(single == null ? several : single, several == null ? single : several);
    }

    /** The units' lengths and readouts, by unit; the hull and depth arrays hold values every stride-th unit only. */
    private record Measured(int[] words, double[] meanDistance, double[] hullDistance, double[] negatedDepth) {

        /** The bands of the units {@code kind} accepts, or null when it accepts none. */
        ReadoutBands bands(IntPredicate kind, int hullStride, int depthStride) {
            LengthBands density = bandsOf(meanDistance, kind, 1, DENSITY_UNITS_PER_BAND);
            LengthBands hull = bandsOf(hullDistance, kind, hullStride, HULL_UNITS_PER_BAND);
            LengthBands depth = bandsOf(negatedDepth, kind, depthStride, DEPTH_UNITS_PER_BAND);
            return density == null || hull == null || depth == null ? null : new ReadoutBands(density, hull, depth);
        }

        private LengthBands bandsOf(double[] values, IntPredicate kind, int stride, int unitsPerBand) {
            int[] chosen = IntStream.range(0, words.length).filter(i -> i % stride == 0 && kind.test(i)).toArray();
            if (chosen.length == 0) {
                return null;
            }
            return LengthBands.of(IntStream.of(chosen).map(i -> words[i]).toArray(),
                    IntStream.of(chosen).mapToDouble(i -> values[i]).toArray(), unitsPerBand);
        }
    }

    /** Every how many units one is measured, to measure a {@code 1 / share} of them but at least {@code min}. */
    private static int stride(int units, int share, int min) {
        return Math.max(1, Math.min(share, units / min));
    }

    /**
     * Unit {@code i}'s mean kNN distance; its hull distance and negated depth into the arrays given (null: not this
     * unit). A one-sentence unit's hull has the sentences of its nearest passages among its points, as a query's
     * ({@link NearbySentences}).
     */
    private double measure(ReferenceUnit unit, float[] unitVector, double[] hullDistance, double[] negatedDepth,
            int i) throws IOException {
        int[] leftOut = unit.leftOut();
        NeighbourList neighbours = search.nearest(unitVector, density.k(), leftOut);
        if (hullDistance != null) {
            double[] query = new double[unitVector.length];
            for (int j = 0; j < query.length; j++) {
                query[j] = unitVector[j];
            }
            LinearOracle corpus = new OracleWithoutRows(units, leftOut);
            if (unit.oneSentence()) {
                FloatMatrix nearby = nearbySentences(neighbours.ids());
                corpus = nearby.rows() == 0 ? corpus : new OracleWithAddedRows(corpus, nearby);
            }
            hullDistance[i] = new HullDistance(corpus)
                    .distance(query, neighbours.ids()[0], Deadline.after(BUDGET), HULL_ITERATIONS).estimate();
        }
        if (negatedDepth != null) {
            negatedDepth[i] = -new ExtrapolationDepth(OracleWithoutRows.components(projected, leftOut))
                    .measure(pca.project(unitVector, projected.dimension()), Deadline.after(BUDGET)).depth();
        }
        return density.score(neighbours).meanDistance();
    }

    /** The sentences of the nearest of {@code nearestFirst}, embedded as a query's are. */
    private FloatMatrix nearbySentences(int[] nearestFirst) throws IOException {
        int[] ordinals = Arrays.copyOf(nearestFirst, Math.min(NearbySentences.PASSAGES, nearestFirst.length));
        List<String> texts = new ArrayList<>();
        for (int ordinal : ordinals) {
            texts.add(passageText.text(ordinal));
        }
        try {
            return sentences.of(ordinals, texts, Progress.NONE);
        } catch (NoveltyException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /** The units' unit vectors, from the cache or embedded now as queries (and then cached). */
    private float[][] embed(List<ReferenceUnit> references, ProgressSlice progress)
            throws NoveltyException, IOException {
        float[][] vectors = new float[references.size()][];
        Map<String, float[]> computed = new LinkedHashMap<>();
        for (int i = 0; i < vectors.length; i++) {
            progress.checkCanceled();
            String key = cacheKey(references.get(i).text());
            float[] raw = cache.get(key);
            if (raw == null) {
                raw = embedder.embedQuery(references.get(i).text()).raw();
                computed.put(key, raw);
                if (computed.size() >= EMBED_CHUNK) {
                    cache.putAll(computed);
                    computed.clear();
                }
            }
            vectors[i] = Embedding.ofRaw(raw, 1).unit();
            progress.worked(1);
        }
        cache.putAll(computed);
        return vectors;
    }

    /**
     * A query's embedding may differ from a passage's of the same text (a model's query prefix), so reference units
     * are cached under the hash of a marked text, never under a passage's key.
     */
    private static String cacheKey(String text) {
        return TextNormalization.sha256("\u0000query\u0000" + text);
    }
}
