package io.noveltylens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.impl.CloudHttp2SolrClient;
import org.apache.solr.client.solrj.impl.CloudSolrClient;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrDocumentList;
import org.apache.solr.common.SolrInputDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import io.noveltylens.core.CancelledException;
import io.noveltylens.core.NoveltyException;
import io.noveltylens.core.Progress;
import io.noveltylens.core.analysis.HullAnalysis;
import io.noveltylens.core.analysis.NoveltyAnalyzer;
import io.noveltylens.core.analysis.NoveltyReport;
import io.noveltylens.core.calibration.Calibration;
import io.noveltylens.core.calibration.LengthBands;
import io.noveltylens.core.calibration.ReadoutBands;
import io.noveltylens.core.corpus.SentenceSplitter;
import io.noveltylens.core.corpus.TextSpan;
import io.noveltylens.core.engine.EngineConfig;
import io.noveltylens.core.analysis.HullReport;
import io.noveltylens.core.density.DensityModel;
import io.noveltylens.core.density.DensityReadout;
import io.noveltylens.core.density.NeighbourList;
import io.noveltylens.core.embed.Embedding;
import io.noveltylens.core.embed.ModelDescriptor;
import io.noveltylens.core.embed.OnnxEmbedder;
import io.noveltylens.core.hull.HullVerdict;
import io.noveltylens.core.index.CorpusIndex;
import io.noveltylens.core.index.IndexSettings;
import io.noveltylens.core.index.LuceneCorpusIndex;
import io.noveltylens.core.index.Neighbour;
import io.noveltylens.core.verbatim.VerbatimAnalyzer;
import io.noveltylens.core.verbatim.VerbatimOverlap;
import io.noveltylens.solr.SolrAddress;
import io.noveltylens.solr.SolrCorpusIndex;
import io.noveltylens.solr.SolrCorpusFiller;
import io.noveltylens.test.support.ExactSearch;
import io.noveltylens.test.support.SolrTestCluster;
import io.noveltylens.test.support.TextLines;
import io.noveltylens.test.support.Vectors;

/**
 * The SolrCloud backend against the local index of the same corpus (Moby Dick and Tom Sawyer from the default corpus,
 * 4,643 passages), on a real 3-node SolrCloud in its own process with a 2-shard x 2-replica collection, created and
 * filled with the CLI as a user would. The oracles: exact brute force over the stored vectors, and the local index
 * (whose hull readouts are certified by exact scans).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SolrCloudIT {

    private static final Path BUNDLES = Path.of("..").toAbsolutePath().normalize();
    private static final Path WORK = Path.of("target", "solr-it").toAbsolutePath();
    private static final Path DEFAULT_CORPUS = BUNDLES.resolve("io.noveltylens.corpus.default");
    private static final Path MODELS = BUNDLES.resolve("io.noveltylens.model.minilm/models");
    /** The int8 model, in the optional feature's bundle. */
    private static final Path INT8_MODEL = BUNDLES
            .resolve("io.noveltylens.model.minilm.int8/models/all-minilm-l6-v2-q");
    private static final String COLLECTION = "corpus";
    private static final int K = 10;
    /** Held-out sentences whose hull readouts are compared; each takes a few seconds over SolrCloud on this machine. */
    private static final int HULL_QUERIES = 20;
    /** Enough for both sides to finish (the local index needs 0.1-0.5 s), so that bounds, not budgets, are compared. */
    private static final Duration HULL_BUDGET = Duration.ofSeconds(30);
    /** The bound of a percentile read from the collection's 2,049 quantiles (SolrFields): 100 / 2,048 points. */
    private static final double QUANTILE_GAP = 0.0489;
    /** Held-out texts of each granularity whose calibrated percentiles are compared. */
    private static final int CALIBRATED_QUERIES = 10;
    private static final double DENSITY_PERCENTILE_GAP = 2.5;
    private static final double HULL_PERCENTILE_GAP = 15;

    private SolrTestCluster cluster;
    private String solrUrls;
    private OnnxEmbedder embedder;
    private LuceneCorpusIndex local;
    private SolrCorpusIndex solr;
    private List<String> heldOut;
    private List<Embedding> embeddings;
    private List<float[]> queries;
    private String[] fillCommand;

    @BeforeAll
    void startACloudAndFillACollectionWithTheCli() throws Exception {
        deleteRecursively(WORK);
        cluster = SolrTestCluster.start(3, WORK.resolve("cluster"));
        solrUrls = String.join(",", cluster.solrUrls());
        Path localIndex = Files.createDirectories(WORK.resolve("local-index"));
        // these passages are part of the default corpus, whose embedding cache the build keeps: nothing is re-embedded
        try (DirectoryStream<Path> caches = Files.newDirectoryStream(DEFAULT_CORPUS.resolve("index"), "embeddings-*")) {
            for (Path cache : caches) {
                Files.copy(cache, localIndex.resolve(cache.getFileName()));
            }
        }
        List<String> corpus = List.of("--corpus", DEFAULT_CORPUS.resolve("corpus/mobydick.txt.gz").toString(),
                "--corpus", DEFAULT_CORPUS.resolve("corpus/tomsawyer.txt.gz").toString());
        cli(concat(List.of("index", "--index", localIndex.toString()), corpus));
        cli("solr", "create", "--solr", solrUrls, "--collection", COLLECTION, "--shards", "2", "--replicas", "2");
        // no local index: the fill embeds every passage and the collection computes the density statistics
        fillCommand = concat(List.of("index", "--solr", solrUrls, "--collection", COLLECTION), corpus);
        CliProcess.Result filled = cli(fillCommand);
        System.out.print(filled.out());
        assertTrue(filled.out().contains("embedded 4,643, reused 0; now served by corpus.g2"), filled.out());
        Path cache = Path.of("target", "cli-cache");
        embedder = OnnxEmbedder.open(ModelDescriptor.load(MODELS.resolve("all-minilm-l6-v2"), cache), cache);
        int dimension = embedder.model().dimension();
        local = LuceneCorpusIndex.open(localIndex, embedder.fingerprint(), dimension);
        solr = SolrCorpusIndex.open(SolrAddress.parse(solrUrls, null, COLLECTION), embedder.fingerprint(), dimension);
        heldOut = new ArrayList<>();
        for (String fixture : List.of("sherlock-200.txt.gz", "wordnet-200.txt.gz")) {
            Path file = BUNDLES.resolve("io.noveltylens.core.tests/fixtures").resolve(fixture);
            heldOut.addAll(TextLines.read(file).subList(0, 100));
        }
        embeddings = embedder.embedPassages(heldOut, Progress.NONE);
        queries = embeddings.stream().map(Embedding::unit).toList();
    }

    @AfterAll
    void stopTheCloud() throws Exception {
        for (AutoCloseable open : new AutoCloseable[] { solr, local, embedder, cluster }) {
            if (open != null) {
                open.close();
            }
        }
    }

    /**
     * Recall@10 against brute force at least 0.98, as the local index is required to reach (DefaultCorpusRecallIT);
     * density percentiles equal to the local index's wherever the ten neighbours are the same (same exact distances),
     * up to the collection's table of quantiles (within {@value #QUANTILE_GAP} points of the full distribution,
     * core's DistanceQuantilesTest), and within half a point on average over all 200 held-out sentences.
     */
    @Test
    @Order(1)
    void neighboursAndDensityAgreeWithTheLocalIndex() throws Exception {
        int n = local.metadata().passages();
        float[][] vectors = new float[n][];
        for (int i = 0; i < n; i++) {
            vectors[i] = local.vector(i);
        }
        double solrFound = 0;
        double localFound = 0;
        double agreeing = 0;
        double percentileGap = 0;
        double sameNeighboursGap = 0;
        long[] solrNanos = new long[queries.size()];
        long[] localNanos = new long[queries.size()];
        for (int q = 0; q < queries.size(); q++) {
            long start = System.nanoTime();
            List<Neighbour> fromSolr = solr.nearest(queries.get(q), K);
            long middle = System.nanoTime();
            List<Neighbour> fromLocal = local.nearest(queries.get(q), K);
            localNanos[q] = System.nanoTime() - middle;
            solrNanos[q] = middle - start;
            Set<Integer> solrIds = ordinals(fromSolr);
            Set<Integer> localIds = ordinals(fromLocal);
            for (int exact : ExactSearch.topK(vectors, queries.get(q), K)) {
                solrFound += solrIds.contains(exact) ? 1 : 0;
                localFound += localIds.contains(exact) ? 1 : 0;
            }
            solrIds.retainAll(localIds);
            agreeing += solrIds.size();
            double gap = Math.abs(percentile(solr, fromSolr) - percentile(local, fromLocal));
            percentileGap += gap;
            if (solrIds.size() == K) {
                sameNeighboursGap = Math.max(sameNeighboursGap, gap);
            }
        }
        int asked = K * queries.size();
        System.out.printf("SolrCloud 2x2 vs local, %,d passages, %d held-out sentences: recall@10 %.4f (local %.4f), "
                + "agreement with local %.4f, mean percentile gap %.4f; kNN p50 %.1f ms (local %.2f ms)%n", n,
                queries.size(), solrFound / asked, localFound / asked, agreeing / asked, percentileGap / queries.size(),
                median(solrNanos) / 1e6, median(localNanos) / 1e6);
        assertTrue(solrFound / asked >= 0.98, "recall@10 against brute force " + solrFound / asked);
        assertTrue(agreeing / asked >= 0.98, "top-10 agreement with the local index " + agreeing / asked);
        // one corpus passage on the other side of the query moves the percentile by 100 / 4,643 = 0.02
        assertTrue(sameNeighboursGap <= 0.05 + QUANTILE_GAP,
                "percentile gap with the same neighbours " + sameNeighboursGap);
        assertTrue(percentileGap / queries.size() <= 0.5, "mean percentile gap " + percentileGap / queries.size());
    }

    /**
     * The collection was filled with no local index: its statistics come from the collection's own searches and a
     * streaming PCA. The local index of the same corpus is the oracle: the same passages in the same order, the same
     * neighbourhood size and scale, the same principal components, and LOF and LoOP readouts that agree.
     */
    @Test
    @Order(1)
    void statisticsComputedInTheCollectionAgreeWithTheLocalIndex() throws Exception {
        var cloud = solr.metadata();
        var home = local.metadata();
        assertEquals(home.passages(), cloud.passages());
        assertEquals(home.passagesRead(), cloud.passagesRead());
        assertEquals(home.k(), cloud.k());
        assertEquals(home.pcaComponents(), cloud.pcaComponents());
        assertEquals(home.sources().stream().map(source -> source.sha256()).toList(),
                cloud.sources().stream().map(source -> source.sha256()).toList());
        for (int ordinal = 0; ordinal < home.passages(); ordinal += home.passages() / 7) {
            assertEquals(local.passage(ordinal).passageId(), solr.passage(ordinal).passageId(), "ordinal " + ordinal);
        }
        double scaleGap = Math.abs(cloud.neighbourDistance() / home.neighbourDistance() - 1);
        var streamed = solr.hullData().pca();
        var whole = local.hullData().pca();
        double varianceGap = 0;
        double worstAlignment = 1;
        for (int c = 0; c < whole.componentCount(); c++) {
            varianceGap = Math.max(varianceGap,
                    Math.abs(streamed.explainedVariance()[c] - whole.explainedVariance()[c]) / whole.totalVariance());
            if (c < 10) {
                worstAlignment = Math.min(worstAlignment,
                        Math.abs(Vectors.dot(streamed.components()[c], whole.components()[c])));
            }
        }
        double lofGap = 0;
        double loopGap = 0;
        double sameNeighboursLofGap = 0;
        int sameNeighbours = 0;
        for (float[] query : queries) {
            List<Neighbour> solrHits = solr.nearest(query, K);
            List<Neighbour> localHits = local.nearest(query, K);
            var fromSolr = solr.density().score(neighbourList(solrHits));
            var fromLocal = local.density().score(neighbourList(localHits));
            lofGap += Math.abs(fromSolr.lof() - fromLocal.lof());
            loopGap += Math.abs(fromSolr.loop() - fromLocal.loop());
            if (ordinals(solrHits).equals(ordinals(localHits))) {
                sameNeighbours++;
                sameNeighboursLofGap = Math.max(sameNeighboursLofGap, Math.abs(fromSolr.lof() / fromLocal.lof() - 1));
            }
        }
        // each passage's statistics, as the hits return them, against the local index's of the same passage
        int n = home.passages();
        int equalStatistics = 0;
        try (CloudSolrClient client = new CloudHttp2SolrClient.Builder(List.of(solrUrls.split(","))).build()) {
            SolrDocumentList documents = client.query(COLLECTION, new SolrQuery("ordinal:[* TO *]")
                    .setFields("ordinal", "k_distance", "lrd", "pdist").setRows(n)).getResults();
            assertEquals(n, documents.size());
            for (SolrDocument document : documents) {
                var passage = local.density().passage(((Number) document.getFirstValue("ordinal")).intValue());
                assertNotNull(document.getFirstValue("lrd"), "every passage's statistics are written: " + document);
                boolean equal = Math.abs(((Number) document.getFirstValue("k_distance")).doubleValue()
                        / passage.kDistance() - 1) <= 1e-5
                        && Math.abs(((Number) document.getFirstValue("lrd")).doubleValue() / passage.lrd() - 1) <= 1e-5
                        && Math.abs(((Number) document.getFirstValue("pdist")).doubleValue() / passage.pdist()
                                - 1) <= 1e-5;
                equalStatistics += equal ? 1 : 0;
            }
        }
        System.out.printf("Per-passage statistics equal to the local index's (1e-5): %.4f of %,d passages; LOF with "
                + "the same 10 neighbours (%d queries): worst relative gap %.2e%n", (double) equalStatistics / n, n,
                sameNeighbours, sameNeighboursLofGap);
        System.out.printf(
                "Filled without a local index: nearest-neighbour scale gap %.5f, PCA variance gap %.2e of the "
                        + "total, worst |cos| of the first 10 components %.6f, mean LOF gap %.4f, mean LoOP gap %.4f%n",
                scaleGap, varianceGap, worstAlignment, lofGap / queries.size(), loopGap / queries.size());
        assertTrue(scaleGap <= 0.01, "nearest-neighbour scale gap " + scaleGap);
        assertEquals(whole.totalVariance(), streamed.totalVariance(), 1e-6 * whole.totalVariance());
        assertTrue(varianceGap <= 1e-6, "variance gap " + varianceGap);
        assertTrue(worstAlignment >= 0.9999, "alignment of the first components " + worstAlignment);
        assertTrue(lofGap / queries.size() <= 0.02, "mean LOF gap " + lofGap / queries.size());
        assertTrue(loopGap / queries.size() <= 0.02, "mean LoOP gap " + loopGap / queries.size());
        assertTrue((double) equalStatistics / n >= 0.9, "share of equal per-passage statistics " + equalStatistics);
        assertTrue(sameNeighboursLofGap <= 0.01, "LOF gap with the same neighbours " + sameNeighboursLofGap);
    }

    /**
     * The hull readouts over SolrCloud against the local index's, which exact scans certify, on the same corpus and
     * sentences. What stays proved over SolrCloud must hold: its upper bound is a real distance, so never below the
     * local certified lower bound, and a dimension it finds inside is inside locally. What rests on the approximate
     * search is measured: distances within 3 % (both stop at a 1 % gap; HNSW missing a row can stop the collection's
     * a little early), the same verdicts, and at most 2 % of the depth dimensions decided on both sides found outside
     * over SolrCloud and inside locally (a missed row makes a wrong "outside"; measured 1 of 240). The collection's
     * reports say they are not certified.
     */
    @Test
    @Order(2)
    void hullReadoutsAgreeWithTheLocalIndexAndSayTheyAreNotCertified() throws Exception {
        HullAnalysis hull = new HullAnalysis(HULL_BUDGET);
        long[] solrMillis = new long[HULL_QUERIES];
        long[] localMillis = new long[HULL_QUERIES];
        double worstGap = 0;
        int sameVerdicts = 0;
        int sameDepths = 0;
        int decidedDimensions = 0;
        int wrongOutside = 0;
        for (int q = 0; q < HULL_QUERIES; q++) {
            float[] unit = embeddings.get(q).unit();
            HullReport fromLocal = hull.analyze(unit, local.nearest(queries.get(q), 1).get(0).ordinal(),
                    local.hullData(), Progress.NONE);
            HullReport fromSolr = hull.analyze(unit, solr.nearest(queries.get(q), 1).get(0).ordinal(),
                    solr.hullData(), Progress.NONE);
            localMillis[q] = fromLocal.millis();
            solrMillis[q] = fromSolr.millis();
            String context = heldOut.get(q) + "\nlocal " + fromLocal + "\nsolr  " + fromSolr;
            assertTrue(fromLocal.certified(), context);
            assertFalse(fromSolr.certified(), context);
            assertTrue(fromSolr.distanceExplanation().contains("not certified"), context);
            assertTrue(fromSolr.distance().upperBound() >= fromLocal.distance().lowerBound() * (1 - 1e-9), context);
            worstGap = Math.max(worstGap, Math.abs(fromSolr.distance().upperBound() - fromLocal.distance().upperBound())
                    / fromLocal.distance().upperBound());
            sameVerdicts += fromSolr.distance().verdict() == fromLocal.distance().verdict() ? 1 : 0;
            sameDepths += fromSolr.depth().depth() == fromLocal.depth().depth() ? 1 : 0;
            for (int i = 0; i < fromLocal.depth().curve().size(); i++) {
                HullVerdict local = fromLocal.depth().curve().get(i).verdict();
                HullVerdict cloud = fromSolr.depth().curve().get(i).verdict();
                if (local != HullVerdict.UNDETERMINED && cloud != HullVerdict.UNDETERMINED) {
                    decidedDimensions++;
                    if (cloud == HullVerdict.INSIDE) {
                        assertEquals(HullVerdict.INSIDE, local, "proved inside over SolrCloud, d = "
                                + fromLocal.depth().curve().get(i).dimension() + ": " + context);
                    }
                    wrongOutside += cloud != local ? 1 : 0;
                }
            }
        }
        System.out.printf(
                "Hull over SolrCloud vs local, %d held-out sentences: distance verdicts equal %d, worst distance "
                        + "gap %.4f, depths equal %d, depth dimensions decided on both sides %d, outside over SolrCloud but "
                        + "inside locally %d; hull p50 %d ms, p99 %d ms (local p50 %d ms, p99 %d ms)%n",
                HULL_QUERIES,
                sameVerdicts, worstGap, sameDepths, decidedDimensions, wrongOutside, quantile(solrMillis, 0.5),
                quantile(solrMillis, 0.99), quantile(localMillis, 0.5), quantile(localMillis, 0.99));
        assertEquals(HULL_QUERIES, sameVerdicts);
        assertTrue(worstGap <= 0.03, "worst distance gap " + worstGap);
        assertTrue(wrongOutside <= 0.02 * decidedDimensions, wrongOutside + " of " + decidedDimensions);
    }

    /**
     * The collection's calibration against the local index's, the oracle: the same corpus, the same reference units
     * (drawn with the same seed), scored by exact scans locally. Held-out text the corpus never had (Sherlock Holmes,
     * from the fixtures) at three granularities (a sentence, a paragraph, three paragraphs joined) gets its calibrated
     * percentiles from both, through the analyzer as the engine reports them, with the IDE's hull budget.
     * <ul>
     * <li>The bands are cut at the same word counts: the units and their lengths are the same.</li>
     * <li>Density percentiles within {@value #DENSITY_PERCENTILE_GAP} points each: the mean distances are those of
     * the same neighbours (agreement 0.98 above), and a band of at least 250 units moves by 0.4 points a unit whose
     * neighbours differ.</li>
     * <li>Median hull percentiles within {@value #HULL_PERCENTILE_GAP} points at each granularity: the collection's
     * hull readouts are not certified (a search, not a scan) and stop at the budget after fewer solver steps, for its
     * reference units as for its queries, so a single query's percentile is noisy (printed: the mean gap), but the
     * calibration must place ordinary text where the local one does. Depth percentiles are exported, not shown, and
     * only checked to be there.</li>
     * <li>The length confound the calibration removes: against its passages (leave-one-out, what the collection
     * answered before its calibration) a held-out sentence reads more novel than it is, and three paragraphs joined
     * less; calibrated, the sentences read at least 15 points less novel (measured 58.5 against 86.7) and the joined
     * paragraphs at least 5 more (97.0 against 88.5).</li>
     * </ul>
     */
    @Test
    @Order(2)
    void theCollectionIsCalibratedAsTheLocalIndexIsAndSentencesNoLongerReadNovelForTheirLength() throws Exception {
        Calibration fromSolr = solr.calibration().orElseThrow();
        Calibration fromLocal = local.calibration().orElseThrow();
        for (boolean one : new boolean[] { true, false }) {
            ReadoutBands cloud = one ? fromSolr.oneSentence() : fromSolr.severalSentences();
            ReadoutBands home = one ? fromLocal.oneSentence() : fromLocal.severalSentences();
            assertEquals(bandEdges(home.density()), bandEdges(cloud.density()), "density bands, one sentence " + one);
            assertEquals(bandEdges(home.hull()), bandEdges(cloud.hull()), "hull bands, one sentence " + one);
            assertEquals(bandEdges(home.depth()), bandEdges(cloud.depth()), "depth bands, one sentence " + one);
        }
        List<String> paragraphs = TextLines
                .read(BUNDLES.resolve("io.noveltylens.core.tests/fixtures/sherlock-200.txt.gz"))
                .subList(100, 200).stream().filter(p -> SentenceSplitter.sentences(p).size() >= 2).toList();
        Map<String, List<String>> granularities = new LinkedHashMap<>();
        granularities.put("sentence", paragraphs.stream().limit(CALIBRATED_QUERIES).map(p -> {
            TextSpan first = SentenceSplitter.sentences(p).get(0);
            return first.of(p);
        }).toList());
        granularities.put("paragraph", paragraphs.stream().limit(CALIBRATED_QUERIES).toList());
        granularities.put("three paragraphs", IntStream.range(0, CALIBRATED_QUERIES)
                .mapToObj(i -> String.join(" ", paragraphs.subList(3 * i, 3 * i + 3))).toList());
        NoveltyAnalyzer overSolr = new NoveltyAnalyzer(embedder, solr, K,
                new HullAnalysis(EngineConfig.DEFAULT_HULL_BUDGET));
        NoveltyAnalyzer overLocal = new NoveltyAnalyzer(embedder, local, K,
                new HullAnalysis(EngineConfig.DEFAULT_HULL_BUDGET));
        Map<String, double[]> medians = new LinkedHashMap<>();
        double worstDensityGap = 0;
        double hullGap = 0;
        int compared = 0;
        for (var granularity : granularities.entrySet()) {
            List<String> texts = granularity.getValue();
            double[] calibrated = new double[texts.size()];
            double[] uncalibrated = new double[texts.size()];
            double[] solrHull = new double[texts.size()];
            double[] localHull = new double[texts.size()];
            for (int q = 0; q < texts.size(); q++) {
                NoveltyReport cloud = overSolr.withHull(overSolr.analyze(texts.get(q), K, Progress.NONE),
                        Progress.NONE);
                NoveltyReport home = overLocal.withHull(overLocal.analyze(texts.get(q), K, Progress.NONE),
                        Progress.NONE);
                String context = granularity.getKey() + ": " + texts.get(q);
                assertNotNull(cloud.hull().percentiles(), context);
                assertTrue(Double.isFinite(cloud.hull().percentiles().depth()), context);
                assertEquals(home.density().comparedWith(), cloud.density().comparedWith(), context);
                worstDensityGap = Math.max(worstDensityGap,
                        Math.abs(cloud.density().percentile() - home.density().percentile()));
                calibrated[q] = cloud.density().percentile();
                solrHull[q] = cloud.hull().percentiles().distance();
                localHull[q] = home.hull().percentiles().distance();
                hullGap += Math.abs(solrHull[q] - localHull[q]);
                compared++;
                // what the collection answered before it had a calibration: the percentile against its passages
                uncalibrated[q] = solr.density().score(neighbourList(cloud.neighbours().subList(0, K))).percentile();
            }
            medians.put(granularity.getKey(),
                    new double[] { median(calibrated), median(uncalibrated), median(solrHull), median(localHull) });
            System.out.printf("Calibrated over SolrCloud, %d held-out %s(s): median density percentile %.1f "
                    + "(against its passages %.1f), median hull percentile %.1f (local index %.1f)%n", texts.size(),
                    granularity.getKey(), median(calibrated), median(uncalibrated), median(solrHull),
                    median(localHull));
        }
        System.out.printf("Calibrated over SolrCloud against the local index: worst density percentile gap %.2f, mean "
                + "hull percentile gap %.2f%n", worstDensityGap, hullGap / compared);
        assertTrue(worstDensityGap <= DENSITY_PERCENTILE_GAP, "worst density percentile gap " + worstDensityGap);
        for (var granularity : medians.entrySet()) {
            double[] m = granularity.getValue();
            assertTrue(Math.abs(m[2] - m[3]) <= HULL_PERCENTILE_GAP,
                    granularity.getKey() + ": median hull percentile " + m[2] + ", local index " + m[3]);
        }
        // the length confound: against passages (up to 150 words) a sentence looks more isolated than it is, three
        // paragraphs less (their embedding is averaged over more words); calibrated, the shifts go away
        double[] sentences = medians.get("sentence");
        double[] joined = medians.get("three paragraphs");
        assertTrue(sentences[0] <= sentences[1] - 15,
                "sentences: calibrated " + sentences[0] + ", against passages " + sentences[1]);
        assertTrue(joined[0] >= joined[1] + 5,
                "three paragraphs: calibrated " + joined[0] + ", against passages " + joined[1]);
    }

    /** The word counts at which a readout's bands start. */
    private static List<Integer> bandEdges(LengthBands bands) {
        return IntStream.range(0, bands.bands()).mapToObj(bands::lowerWords).toList();
    }

    /** The same phrase look-ups through Solr's text field: corpus passages (long runs) and held-out sentences. */
    @Test
    @Order(3)
    void verbatimOverlapAgreesWithTheLocalIndex() throws Exception {
        VerbatimOverlap overSolr = new VerbatimOverlap(solr.phrases(), VerbatimAnalyzer.create());
        VerbatimOverlap overLocal = new VerbatimOverlap(local.phrases(), VerbatimAnalyzer.create());
        List<String> texts = new ArrayList<>(heldOut.subList(0, 20));
        for (int ordinal = 0; ordinal < local.metadata().passages(); ordinal += local.metadata().passages() / 20) {
            texts.add(local.passage(ordinal).text());
        }
        for (String text : texts) {
            assertEquals(overLocal.measure(text), overSolr.measure(text), text);
        }
    }

    /**
     * Through ZooKeeper this time, as a cluster's users usually connect, with the hull readouts: as text, and as JSON
     * whose hull says it is not certified.
     */
    @Test
    @Order(4)
    void scoreReadsTheCollectionThroughZooKeeperWithTheHullReadouts() throws Exception {
        String passage = "Call me Ishmael. Whenever I find myself growing grim about the mouth, I take to the sea.";
        CliProcess.Result text = cli("score", "--zk", cluster.zkHost(), "--collection", COLLECTION, passage);
        assertTrue(text.out().contains("mobydick.txt.gz"), text.out());
        assertTrue(text.out().contains("  Hull        "), text.out());
        assertTrue(text.out().contains("  Depth       "), text.out());
        assertTrue(text.out().contains("not certified"), text.out());
        CliProcess.Result json = cli("score", "--zk", cluster.zkHost(), "--collection", COLLECTION, "--json", passage);
        JsonObject hull = JsonParser.parseString(json.out()).getAsJsonObject().getAsJsonObject("hull");
        assertFalse(hull.get("certified").getAsBoolean(), hull.toString());
        assertTrue(hull.get("distanceUpperBound").getAsDouble() > 0, hull.toString());
    }

    /** A corpus passage quoted in a draft is found as a near duplicate, with the collection's provenance. */
    @Test
    @Order(5)
    void annotateScoresFilesAgainstTheCollection() throws Exception {
        String quoted = local.passage(local.metadata().passages() / 2).text();
        Path draft = Files.writeString(Files.createDirectories(WORK.resolve("drafts")).resolve("draft.txt"),
                quoted + "\n\nOur lab's centrifuge hums in B-flat, which the interns find soothing.\n");
        Path out = WORK.resolve("drafts.jsonl");
        cli("annotate", "--solr", solrUrls, "--collection", COLLECTION, "--corpus", draft.toString(), "--out",
                out.toString());
        List<JsonObject> records = Files.readAllLines(out, StandardCharsets.UTF_8).stream()
                .map(line -> JsonParser.parseString(line).getAsJsonObject()).toList();
        assertEquals(2, records.size());
        JsonObject quote = records.get(0);
        assertEquals("NEAR_DUPLICATE", quote.get("verdict").getAsString(), quote.toString());
        assertEquals(quoted, quote.getAsJsonArray("neighbours").get(0).getAsJsonObject().get("text").getAsString());
    }

    /**
     * A collection filled with the int8 model is refused by the CLI and on open, naming that model; a collection that
     * does not exist is named, with the commands that make it.
     */
    @Test
    @Order(6)
    void aCollectionOfAnotherModelOrAMissingOneIsRefused() throws Exception {
        Path int8 = INT8_MODEL;
        cli("solr", "create", "--solr", solrUrls, "--collection", "int8", "--model", int8.toString());
        cli("index", "--solr", solrUrls, "--collection", "int8", "--model", int8.toString(), "--corpus",
                BUNDLES.resolve("io.noveltylens.core.tests/fixtures/wordnet-200.txt.gz").toString());
        CliProcess.Result score = CliProcess.run(WORK, null, "score", "--solr", solrUrls, "--collection", "int8",
                "A passage.");
        assertEquals(ExitCodes.of(NoveltyException.Kind.INDEX), score.exitCode(), score.err());
        assertTrue(score.err().contains("built with the model 'sentence-transformers/all-MiniLM-L6-v2-int8'"),
                score.err());
        NoveltyException refused = assertThrows(NoveltyException.class, () -> SolrCorpusIndex.open(
                SolrAddress.parse(solrUrls, null, "int8"), embedder.fingerprint(), embedder.model().dimension()));
        assertTrue(refused.getMessage().contains("all-MiniLM-L6-v2-int8"), refused.getMessage());
        NoveltyException missing = assertThrows(NoveltyException.class, () -> SolrCorpusIndex.open(
                SolrAddress.parse(solrUrls, null, "missing"), embedder.fingerprint(), embedder.model().dimension()));
        assertTrue(missing.getMessage().contains("Create it with 'novelty solr create"), missing.getMessage());
    }

    /**
     * A collection filled while every passage's density statistics were in the metadata document (layout 2) still
     * answers, scoring with those statistics, until it is filled again: the int8 collection of the test above made
     * into one, its metadata document given layout 2 and the statistics of its passages computed here by brute force
     * over their stored vectors (the oracle its readouts must equal); filling it again reuses its vectors. A collection
     * of layout 3, filled before the calibration, answers without one. Older ones are refused with what to do: one
     * filled before the hull readouts were served (layout 1: its metadata document has no layout), and a plain
     * collection made before fills moved an alias, which a fill could not replace atomically.
     */
    @Test
    @Order(7)
    void aLayoutTwoCollectionStillAnswersAndOlderOnesAreRefused() throws Exception {
        SolrAddress int8 = SolrAddress.parse(solrUrls, null, "int8");
        int dimension = embedder.model().dimension();
        try (CloudSolrClient client = new CloudHttp2SolrClient.Builder(List.of(solrUrls.split(","))).build()) {
            DensityModel statistics;
            try (SolrCorpusIndex current = SolrCorpusIndex.open(int8, null, dimension)) {
                assertTrue(current.calibration().isPresent(), "a fill calibrates the collection");
                statistics = bruteForceDensity(current);
            }
            // layout 3 had no calibration: it answers without one, its percentiles against its passages
            SolrInputDocument layoutThree = new SolrInputDocument();
            layoutThree.addField("id", "novelty-metadata");
            layoutThree.addField("layout", Collections.singletonMap("set", 3));
            client.add("int8", layoutThree);
            client.commit("int8");
            try (SolrCorpusIndex three = SolrCorpusIndex.open(int8, null, dimension)) {
                assertTrue(three.calibration().isEmpty(), "layout 3 has no calibration");
                NeighbourList hits = neighbourList(three.nearest(three.vector(57), statistics.k()));
                assertEquals(statistics.score(hits).percentile(), three.density().score(hits).percentile(), 0.05);
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            statistics.write(new DataOutputStream(bytes));
            SolrInputDocument layoutTwo = new SolrInputDocument();
            layoutTwo.addField("id", "novelty-metadata");
            layoutTwo.addField("layout", Collections.singletonMap("set", 2));
            layoutTwo.addField("density", Collections.singletonMap("set", bytes.toByteArray()));
            client.add("int8", layoutTwo);
            client.commit("int8");
            try (SolrCorpusIndex two = SolrCorpusIndex.open(int8, null, dimension)) {
                for (int ordinal : new int[] { 0, 57, 199 }) {
                    NeighbourList hits = neighbourList(two.nearest(two.vector(ordinal), statistics.k()));
                    DensityReadout expected = statistics.score(hits);
                    DensityReadout read = two.density().score(hits);
                    assertEquals(expected.percentile(), read.percentile(), "percentile, passage " + ordinal);
                    assertEquals(expected.lof(), read.lof(), "LOF, passage " + ordinal);
                    assertEquals(expected.loop(), read.loop(), "LoOP, passage " + ordinal);
                }
            }
            // filling it again writes the current layout and takes the vectors from the layout 2 generation: nothing is embedded
            CliProcess.Result refill = cli("index", "--solr", solrUrls, "--collection", "int8", "--model",
                    INT8_MODEL.toString(), "--corpus",
                    BUNDLES.resolve("io.noveltylens.core.tests/fixtures/wordnet-200.txt.gz").toString());
            assertTrue(refill.out().contains("embedded 0, reused "), refill.out());
            SolrInputDocument withoutLayout = new SolrInputDocument();
            withoutLayout.addField("id", "novelty-metadata");
            withoutLayout.addField("layout", Collections.singletonMap("set", null));
            client.add("int8", withoutLayout);
            client.commit("int8");
            CollectionAdminRequest.Create plain = CollectionAdminRequest.createCollection("plain", "noveltylens", 1, 1)
                    .withProperty("novelty.dimension", "384");
            plain.process(client);
        }
        NoveltyException refused = assertThrows(NoveltyException.class, () -> SolrCorpusIndex.open(
                SolrAddress.parse(solrUrls, null, "int8"), null, embedder.model().dimension()));
        assertTrue(refused.getMessage().contains("layout 1"), refused.getMessage());
        assertTrue(refused.getMessage().contains("'novelty solr create'"), refused.getMessage());

        CliProcess.Result fill = CliProcess.run(WORK, null, "index", "--solr", solrUrls, "--collection", "plain",
                "--corpus", BUNDLES.resolve("io.noveltylens.core.tests/fixtures/wordnet-200.txt.gz").toString());
        assertEquals(ExitCodes.of(NoveltyException.Kind.INDEX), fill.exitCode(), fill.err());
        assertTrue(fill.err().contains("is a plain collection, made by an older Novelty Lens"), fill.err());
        assertTrue(fill.err().contains("create it again with 'novelty solr create'"), fill.err());
    }

    /**
     * A batch the cluster refuses is sent again, and the fill runs to the end: the new generation ("retry.g2") is
     * made read-only (Solr rejects every update) as its upload starts, and writable again when the filler reports its
     * first failure. The fill must count the retry, and the collection must then hold the whole corpus.
     */
    @Test
    @Order(8)
    void aFillSendsARefusedBatchAgainAndCompletes() throws Exception {
        cli("solr", "create", "--solr", solrUrls, "--collection", "retry", "--shards", "2", "--replicas", "1");
        SolrCorpusFiller.Result filled;
        try (CloudSolrClient admin = new CloudHttp2SolrClient.Builder(List.of(solrUrls.split(","))).build()) {
            AtomicBoolean refused = new AtomicBoolean();
            filled = fillRetry(name -> {
                if (name.startsWith("Embedding and uploading")) {
                    setReadOnly(admin, "retry.g2", true);
                } else if (name.endsWith("trying again") && !refused.getAndSet(true)) {
                    setReadOnly(admin, "retry.g2", false);
                }
            }, () -> false);
            assertTrue(refused.get(), "the read-only collection refused the first request");
        }
        assertTrue(filled.retries() >= 1, "retries: " + filled.retries());
        assertEquals("retry.g2", filled.generation());
        try (SolrCorpusIndex collection = SolrCorpusIndex.open(SolrAddress.parse(solrUrls, null, "retry"),
                embedder.fingerprint(), embedder.model().dimension())) {
            assertEquals(filled.passages(), collection.metadata().passages());
            assertTrue(filled.passages() >= 190, "passages: " + filled.passages());
        }
    }

    /**
     * A fill stopped half way leaves the corpus as it was: the alias still names the complete generation, which
     * answers, and the half-filled one is deleted, as are the corpus texts in the scratch folder, its own and a
     * killed fill's. Then the same corpus filled again reuses every stored vector.
     */
    @Test
    @Order(9)
    void aCancelledFillLeavesThePreviousCorpusInUseAndARefillReusesItsVectors() throws Exception {
        // the corpus's texts as a killed fill leaves them in the scratch folder: the reader cannot start over them
        Path killed = Files.createDirectories(WORK.resolve("scratch")).resolve("passages.bin");
        Files.writeString(killed, "texts of a killed fill");
        AtomicBoolean uploading = new AtomicBoolean();
        assertThrows(CancelledException.class, () -> fillRetry(name -> {
            if (name.startsWith("Embedding and uploading")) {
                uploading.set(true);
            }
        }, uploading::get));
        try (Stream<Path> left = Files.list(WORK.resolve("scratch"))) {
            assertEquals(List.of(), left.toList(), "the scratch folders of the killed and the cancelled fill");
        }
        try (CloudSolrClient admin = new CloudHttp2SolrClient.Builder(List.of(solrUrls.split(","))).build()) {
            // the cancelled fill's generation is gone; g1, replaced by the previous fill, is kept for its grace period
            assertEquals(List.of("retry.g1", "retry.g2"), CollectionAdminRequest.listCollections(admin).stream()
                    .filter(name -> name.startsWith("retry")).sorted().toList());
        }
        try (SolrCorpusIndex collection = SolrCorpusIndex.open(SolrAddress.parse(solrUrls, null, "retry"),
                embedder.fingerprint(), embedder.model().dimension())) {
            assertEquals(1.0, collection.nearest(collection.vector(7), 1).get(0).cosine(), 1e-6);
        }
        SolrCorpusFiller.Result again = fillRetry(name -> {
            // nothing to interfere with
        }, () -> false);
        assertEquals("retry.g3", again.generation());
        assertEquals(0, again.embedded());
    }

    /** Fills {@code corpus} with the WordNet fixture in this process, holding the fill lock with {@code expiry}. */
    private SolrCorpusFiller.Result fill(String corpus, Consumer<String> observer, Duration expiry)
            throws NoveltyException {
        return SolrCorpusFiller.fill(List.of(BUNDLES.resolve("io.noveltylens.core.tests/fixtures/wordnet-200.txt.gz")),
                IndexSettings.defaults(), embedder, SolrAddress.parse(solrUrls, null, corpus),
                WORK.resolve("scratch-" + corpus + "-" + System.nanoTime()), observing(observer, () -> false),
                SolrCorpusFiller.Times.DEFAULT.withLockExpiry(expiry));
    }

    /** Fills the "retry" corpus with the WordNet fixture in this process, reporting sub-tasks to {@code observer}. */
    private SolrCorpusFiller.Result fillRetry(Consumer<String> observer, BooleanSupplier cancelled)
            throws NoveltyException {
        return SolrCorpusFiller.fill(List.of(BUNDLES.resolve("io.noveltylens.core.tests/fixtures/wordnet-200.txt.gz")),
                IndexSettings.defaults(), embedder, SolrAddress.parse(solrUrls, null, "retry"), WORK.resolve("scratch"),
                observing(observer, cancelled));
    }

    /** A progress sink that reports what it is told to {@code observer} and is cancelled when {@code cancelled} says. */
    private static Progress observing(Consumer<String> observer, BooleanSupplier cancelled) {
        return new Progress() {
            @Override
            public void begin(String task, int totalWork) {
                observer.accept(task);
            }

            @Override
            public void worked(int work) {
                // counted by the result
            }

            @Override
            public void subTask(String name) {
                observer.accept(name);
            }

            @Override
            public boolean isCanceled() {
                return cancelled.getAsBoolean();
            }
        };
    }

    private static void setReadOnly(CloudSolrClient admin, String collection, boolean readOnly) {
        try {
            CollectionAdminRequest.modifyCollection(collection, Map.of("readOnly", Boolean.toString(readOnly)))
                    .process(admin);
        } catch (SolrServerException | IOException e) {
            throw new IllegalStateException("could not switch the collection's read-only mode", e);
        }
    }

    /**
     * Queries run without pause while node 0 (the first URL the client was given) stops: every query before, during
     * and after the stop answers with ten neighbours, from the replicas on the two other nodes.
     */
    @Test
    @Order(10)
    void replicasAnswerWhileANodeIsStopped() throws Exception {
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean stopped = new AtomicBoolean();
        AtomicBoolean running = new AtomicBoolean(true);
        CountDownLatch before = new CountDownLatch(20);
        CountDownLatch after = new CountDownLatch(50);
        Thread asking = new Thread(() -> {
            for (int q = 0; running.get(); q = (q + 1) % queries.size()) {
                try {
                    int found = solr.nearest(queries.get(q), K).size();
                    if (found != K) {
                        failures.add(new AssertionError(found + " neighbours for query " + q));
                    }
                } catch (NoveltyException | RuntimeException e) {
                    failures.add(e);
                }
                (stopped.get() ? after : before).countDown();
            }
        }, "solr-queries");
        asking.start();
        try {
            assertTrue(before.await(2, TimeUnit.MINUTES), "queries before the stop");
            cluster.stop(0);
            stopped.set(true);
            assertTrue(after.await(2, TimeUnit.MINUTES), "queries after the stop");
        } finally {
            running.set(false);
            asking.join();
        }
        assertEquals(List.of(), failures);
        cluster.start(0);
    }

    /**
     * Filling the corpus again with the same files embeds nothing (every vector is taken from the generation in use)
     * and moves the alias to the next generation. An index opened before keeps answering from its own generation, which
     * the fill keeps for a grace period, and knows that it was superseded; opened again, the corpus answers as before.
     * A fill with no grace period deletes every replaced generation at once: an index still reading one then says the
     * corpus was filled again.
     */
    @Test
    @Order(11)
    void aRefillKeepsTheReplacedGenerationForItsGracePeriodAndAnIndexOpenedBeforeKnowsItWasSuperseded()
            throws Exception {
        List<List<Integer>> before = new ArrayList<>();
        for (float[] query : queries.subList(0, 10)) {
            before.add(solr.nearest(query, K).stream().map(Neighbour::ordinal).toList());
        }
        assertFalse(solr.superseded());
        CliProcess.Result refilled = cli(fillCommand);
        assertTrue(refilled.out().contains("embedded 0, reused 4,643; now served by corpus.g3"), refilled.out());
        assertTrue(refilled.out().contains("the previous generation corpus.g2 is kept for 5 min"), refilled.out());
        assertTrue(solr.superseded(), "the alias moved on");
        assertEquals(before.get(0), solr.nearest(queries.get(0), K).stream().map(Neighbour::ordinal).toList(),
                "the generation opened before still answers");
        solr.close();
        solr = SolrCorpusIndex.open(SolrAddress.parse(solrUrls, null, COLLECTION), embedder.fingerprint(),
                embedder.model().dimension());
        assertFalse(solr.superseded());
        int same = 0;
        for (int q = 0; q < before.size(); q++) {
            List<Integer> after = solr.nearest(queries.get(q), K).stream().map(Neighbour::ordinal).toList();
            // a new HNSW graph: the same passages (ordinals follow the files), found by another approximate search
            assertEquals(before.get(q).get(0), after.get(0), "nearest passage of query " + q);
            same += (int) after.stream().filter(before.get(q)::contains).count();
        }
        assertTrue(same >= 0.98 * K * before.size(), same + " of " + K * before.size() + " neighbours again");

        CliProcess.Result noGrace = cli(concat(List.of(fillCommand), List.of("--grace-minutes", "0")));
        assertTrue(noGrace.out().contains("now served by corpus.g4"), noGrace.out());
        assertTrue(noGrace.out().contains("deleted the replaced generation(s) whose grace period is over: "),
                noGrace.out());
        try (CloudSolrClient admin = new CloudHttp2SolrClient.Builder(List.of(solrUrls.split(","))).build()) {
            assertEquals(List.of("corpus.g4"), CollectionAdminRequest.listCollections(admin).stream()
                    .filter(name -> name.startsWith("corpus.")).toList());
        }
        NoveltyException gone = assertThrows(NoveltyException.class, () -> solr.nearest(queries.get(0), K));
        assertTrue(gone.getMessage().contains("was filled again or deleted since it was opened"), gone.getMessage());
        solr.close();
        solr = SolrCorpusIndex.open(SolrAddress.parse(solrUrls, null, COLLECTION), embedder.fingerprint(),
                embedder.model().dimension());
    }

    /**
     * One fill of a corpus at a time: while a fill runs (held at the start of its upload), a second fill of the same
     * corpus is refused, naming the first's owner (this process) and since when, and the first then completes. A
     * fill killed mid-way (its lock written with a last sign of life an hour ago, and its generation created) holds
     * nothing: the next fill breaks the lock, deletes that generation and completes.
     */
    @Test
    @Order(12)
    void aSecondFillIsRefusedWhileTheFirstRunsAndADeadFillsLockIsBroken() throws Exception {
        cli("solr", "create", "--solr", solrUrls, "--collection", "locked", "--shards", "1", "--replicas", "1");
        Duration expiry = Duration.ofSeconds(8);
        CountDownLatch uploading = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<Object> first = Collections.synchronizedList(new ArrayList<>());
        Thread filling = new Thread(() -> {
            try {
                first.add(fill("locked", name -> {
                    if (name.startsWith("Embedding and uploading")) {
                        uploading.countDown();
                        try {
                            release.await(2, TimeUnit.MINUTES);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                }, expiry));
            } catch (NoveltyException | RuntimeException e) {
                first.add(e);
            }
        }, "first-fill");
        filling.start();
        try {
            assertTrue(uploading.await(2, TimeUnit.MINUTES), "the first fill reached its upload");
            // longer than the expiry: the first fill's lock stays alive because its process is
            Thread.sleep(2 * expiry.toMillis());
            NoveltyException refused = assertThrows(NoveltyException.class, () -> fill("locked", name -> {
                // nothing to interfere with
            }, expiry));
            assertTrue(refused.getMessage().contains("is being filled by ")
                    && refused.getMessage().contains("(process " + ProcessHandle.current().pid())
                    && refused.getMessage().contains(" since ") && refused.getMessage().contains("into locked.g2"),
                    refused.getMessage());
        } finally {
            release.countDown();
            filling.join();
        }
        assertEquals("locked.g2", ((SolrCorpusFiller.Result) first.get(0)).generation(), String.valueOf(first));

        try (CloudSolrClient admin = new CloudHttp2SolrClient.Builder(List.of(solrUrls.split(","))).build()) {
            long anHourAgo = System.currentTimeMillis() - 3_600_000;
            CollectionAdminRequest.setAliasProperty("locked").addProperty("novelty.fill.locked.g3",
                    "{\"owner\":\"someone@elsewhere (process 1)\",\"since\":" + anHourAgo + ",\"alive\":"
                            + anHourAgo + "}")
                    .process(admin);
            CollectionAdminRequest.createCollection("locked.g3", "noveltylens", 1, 1)
                    .withProperty("novelty.dimension", "384").process(admin);
        }
        List<String> said = Collections.synchronizedList(new ArrayList<>());
        SolrCorpusFiller.Result again = fill("locked", said::add, expiry);
        assertEquals("locked.g3", again.generation());
        assertEquals(0, again.embedded());
        assertTrue(said.stream().anyMatch(line -> line.startsWith("Deleting locked.g3, left by a fill that did not "
                + "finish (someone@elsewhere (process 1), silent since")), String.valueOf(said));
    }

    private static String[] concat(List<String> first, List<String> second) {
        return Stream.concat(first.stream(), second.stream()).toArray(String[]::new);
    }

    private CliProcess.Result cli(String... args) throws IOException, InterruptedException {
        CliProcess.Result result = CliProcess.run(WORK, null, args);
        assertEquals(0, result.exitCode(), "novelty " + String.join(" ", args) + "\n" + result.err());
        return result;
    }

    /** The density percentile as the analysis computes it from the index's k nearest neighbours. */
    static double percentile(CorpusIndex index, List<Neighbour> neighbours) throws NoveltyException {
        return index.density().score(neighbourList(neighbours)).percentile();
    }

    /** Leave-one-out statistics of a collection's passages from an exact scan of their stored unit vectors. */
    private static DensityModel bruteForceDensity(SolrCorpusIndex collection) throws NoveltyException {
        int n = collection.metadata().passages();
        float[][] vectors = new float[n][];
        for (int i = 0; i < n; i++) {
            vectors[i] = collection.vector(i);
        }
        int k = collection.density().k();
        return DensityModel.build(n, k, i -> {
            Integer[] others = Stream.iterate(0, j -> j + 1).limit(n).filter(j -> j != i).toArray(Integer[]::new);
            Arrays.sort(others, Comparator.comparingDouble(j -> distance(vectors[i], vectors[j])));
            int[] ids = new int[k];
            float[] distances = new float[k];
            for (int r = 0; r < k; r++) {
                ids[r] = others[r];
                distances[r] = (float) distance(vectors[i], vectors[others[r]]);
            }
            return new NeighbourList(ids, distances);
        }, Progress.NONE);
    }

    private static double distance(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            double d = (double) a[i] - b[i];
            sum += d * d;
        }
        return Math.sqrt(sum);
    }

    private static NeighbourList neighbourList(List<Neighbour> neighbours) {
        int[] ids = new int[neighbours.size()];
        float[] distances = new float[neighbours.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = neighbours.get(i).ordinal();
            distances[i] = (float) neighbours.get(i).distance();
        }
        return new NeighbourList(ids, distances);
    }

    private static Set<Integer> ordinals(List<Neighbour> neighbours) {
        Set<Integer> ordinals = new HashSet<>();
        neighbours.forEach(neighbour -> ordinals.add(neighbour.ordinal()));
        return ordinals;
    }

    private static long quantile(long[] values, double q) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
    }

    private static double median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }
}
