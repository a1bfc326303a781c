package io.noveltylens.core.density;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.noveltylens.core.CancelledException;
import io.noveltylens.core.Progress;

class DensityModelTest {

    /**
     * Six points on a line, k = 2, chosen so that no k-th neighbour is tied. Worked by hand:
     * <pre>
     * point      0    1    3    6.5  7    15
     * kNN        1,3  0,3  1,0  7,3  6.5,3 7,6.5
     * k-distance 3    2    3    3.5  4    8.5
     * lrd(0)  = 1 / mean(max(kd(1)=2, 1), max(kd(3)=3, 3)) = 1 / 2.5 = 0.4
     * lrd(15) = 1 / mean(max(4, 8), max(3.5, 8.5)) = 1 / 8.25 = 0.1212
     * LOF(15) = mean(lrd(7) = 4/15, lrd(6.5) = 4/15) / lrd(15) = 0.2667 * 8.25 = 2.2
     * query 30: kNN 15 (d 15), 7 (d 23); reach = 15, 23; lrd = 1/19; LOF = mean(0.1212, 0.2667) * 19 = 3.6848
     * </pre>
     */
    private static final PointCloud LINE = PointCloud.onLine(0, 1, 3, 6.5, 7, 15);

    private static final PublishedDefinitions LINE_ORACLE = new PublishedDefinitions(LINE, 2, 3);

    private static DensityReadout scoreOnLine(DensityModel model, double x) {
        return model.score(LINE.neighbours(new double[] { x }, -1, 2));
    }

    @Test
    void corpusDensitiesMatchBreunigDefinitionsOnLineFixture() {
        DensityModel model = LINE.model(2);
        assertEquals(2, model.k());
        assertEquals(0.4, model.lrd(0), 1e-6);
        assertEquals(1 / 8.25, model.lrd(5), 1e-6);
        assertEquals(8.5, model.kDistance(5), 1e-6);
        for (int p = 0; p < LINE.size(); p++) {
            assertEquals(LINE_ORACLE.lrd(LINE.points[p], p), model.lrd(p), 1e-6, "lrd of point " + p);
        }
    }

    @Test
    void queryLofMatchesBreunigDefinitionsOnLineFixture() {
        DensityModel model = LINE.model(2);
        assertEquals(3.6848485, scoreOnLine(model, 30).lof(), 1e-5);
        for (double x : new double[] { -4, 2, 4.5, 6.75, 11, 30 }) {
            assertEquals(LINE_ORACLE.lof(new double[] { x }, -1), scoreOnLine(model, x).lof(), 1e-5, "LOF at " + x);
        }
    }

    /** Hand values: PLOF(15) = 24.761 / mean(8.551, 7.5) - 1 = 2.0853; nPLOF = 2.6283; query 30: LoOP 0.6579. */
    @Test
    void loopMatchesKriegelDefinitionsOnLineFixture() {
        DensityModel model = LINE.model(2);
        assertEquals(2.0852749, model.plof(5), 1e-6);
        assertEquals(2.6282562, model.nPlof(), 1e-6);
        assertEquals(LINE_ORACLE.nPlof(), model.nPlof(), 1e-6);
        assertEquals(0.6579441, scoreOnLine(model, 30).loop(), 1e-6);
        for (double x : new double[] { -4, 2, 4.5, 6.75, 11, 30 }) {
            assertEquals(LINE_ORACLE.loop(new double[] { x }, -1), scoreOnLine(model, x).loop(), 1e-6, "LoOP at " + x);
        }
    }

    @Test
    void lofAndLoopMatchPublishedDefinitionsOnRandomPlane() {
        Random random = new Random(20250101);
        PointCloud cloud = PointCloud.uniformSquare(150, random);
        DensityModel model = cloud.model(5);
        PublishedDefinitions oracle = new PublishedDefinitions(cloud, 5, DensityModel.DEFAULT_LAMBDA);
        for (int q = 0; q < 20; q++) {
            double[] query = { 1.4 * random.nextDouble() - 0.2, 1.4 * random.nextDouble() - 0.2 };
            DensityReadout readout = model.score(cloud.neighbours(query, -1, 5));
            assertEquals(oracle.lof(query, -1), readout.lof(), 1e-4 * oracle.lof(query, -1));
            assertEquals(oracle.loop(query, -1), readout.loop(), 1e-5);
        }
    }

    /** Oracle: count the corpus's leave-one-out mean kNN distances below the query's (ties half) by brute force. */
    @Test
    void percentileMatchesBruteForceRankOverRandomData() {
        Random random = new Random(7);
        PointCloud cloud = PointCloud.uniformSquare(300, random);
        int k = 7;
        DensityModel model = cloud.model(k);
        double[] corpusMeans = new double[cloud.size()];
        for (int p = 0; p < cloud.size(); p++) {
            corpusMeans[p] = meanOf(cloud.leaveOneOut(p, k));
        }
        for (int q = 0; q < 200; q++) {
            double[] query = { 1.2 * random.nextDouble() - 0.1, 1.2 * random.nextDouble() - 0.1 };
            NeighbourList neighbours = cloud.neighbours(query, -1, k);
            double mean = meanOf(neighbours);
            double below = Arrays.stream(corpusMeans).filter(m -> m < mean).count();
            double tied = Arrays.stream(corpusMeans).filter(m -> m == mean).count();
            DensityReadout readout = model.score(neighbours);
            assertEquals(100 * (below + tied / 2) / cloud.size(), readout.percentile(), 1e-9);
            assertEquals(mean, readout.meanDistance(), 1e-12);
        }
    }

    private static double meanOf(NeighbourList list) {
        double sum = 0;
        for (int j = 0; j < list.size(); j++) {
            sum += list.distance(j);
        }
        return sum / list.size();
    }

    @Test
    void percentileCountsTiedPassagesHalf() {
        NeighbourList everyone = new NeighbourList(new int[] { 1, 2 }, new float[] { 0.5f, 0.5f });
        DensityModel model = DensityModel.build(4, 2, i -> new NeighbourList(new int[] { (i + 1) % 4, (i + 2) % 4 },
                new float[] { 0.5f, 0.5f }), Progress.NONE);
        assertEquals(50, model.score(everyone).percentile(), 1e-12);
        assertEquals(100, model.score(new NeighbourList(new int[] { 1, 2 }, new float[] { 0.5f, 0.6f })).percentile());
        assertEquals(0, model.score(new NeighbourList(new int[] { 1, 2 }, new float[] { 0.4f, 0.5f })).percentile());
    }

    /** Breunig et al. 2000, Lemma 1: deep inside a cluster LOF is about 1; a far point is LOF- and LoOP-outlying. */
    @Test
    void lofIsAboutOneInsideUniformClusterAndLargeForAnObviousOutlier() {
        Random random = new Random(42);
        PointCloud cloud = PointCloud.uniformSquare(400, random);
        DensityModel model = cloud.model(10);
        double[] lofs = new double[100];
        for (int q = 0; q < lofs.length; q++) {
            double[] inside = { 0.2 + 0.6 * random.nextDouble(), 0.2 + 0.6 * random.nextDouble() };
            lofs[q] = model.score(cloud.neighbours(inside, -1, 10)).lof();
        }
        Arrays.sort(lofs);
        assertEquals(1, lofs[50], 0.1, "median LOF inside the cluster");
        DensityReadout outlier = model.score(cloud.neighbours(new double[] { 3, 3 }, -1, 10));
        assertTrue(outlier.lof() > 10, "LOF " + outlier.lof());
        assertTrue(outlier.loop() > 0.95, "LoOP " + outlier.loop());
        assertEquals(100, outlier.percentile());
    }

    @Test
    void loopStaysAProbabilityForQueriesNearAndFar() {
        Random random = new Random(3);
        PointCloud cloud = PointCloud.uniformSquare(200, random);
        DensityModel model = cloud.model(6);
        for (int q = 0; q < 300; q++) {
            double scale = Math.pow(10, 3 * random.nextDouble() - 1);
            double[] query = { scale * random.nextGaussian(), scale * random.nextGaussian() };
            double loop = model.score(cloud.neighbours(query, -1, 6)).loop();
            assertTrue(loop >= 0 && loop <= 1, "LoOP " + loop);
        }
    }

    /** Breunig et al. 2000, sec. 4: k duplicates make lrd infinite; distances are floored, so it stays finite. */
    @Test
    void exactDuplicatesKeepDensitiesFinite() {
        PointCloud cloud = PointCloud.onLine(0, 0, 0, 0, 1, 2, 3, 7);
        DensityModel model = cloud.model(3);
        for (int p = 0; p < cloud.size(); p++) {
            assertTrue(Double.isFinite(model.lrd(p)) && Double.isFinite(model.plof(p)), "passage " + p);
        }
        DensityReadout duplicate = model.score(cloud.neighbours(new double[] { 0 }, -1, 3));
        assertEquals(1, duplicate.lof(), 1e-9, "a duplicate of a duplicate cluster is as dense as it");
        assertEquals(0, duplicate.loop());
        DensityReadout beside = model.score(cloud.neighbours(new double[] { 0.5 }, -1, 3));
        assertTrue(Double.isFinite(beside.lof()) && beside.lof() > 100, "LOF " + beside.lof());
    }

    @Test
    void kIsLoweredToTheShortestNeighbourList() {
        PointCloud cloud = PointCloud.onLine(0, 1, 3);
        DensityModel model = cloud.model(5);
        assertEquals(2, model.k());
        assertEquals(2, model.score(cloud.neighbours(new double[] { 2 }, -1, 3)).k());
    }

    @Test
    void rejectsListsThatAreNotLeaveOneOutOrTooShortQueries() {
        assertThrows(IllegalArgumentException.class, () -> DensityModel.build(3, 1,
                i -> new NeighbourList(new int[] { i }, new float[] { 0 }), Progress.NONE));
        assertThrows(IllegalArgumentException.class, () -> new NeighbourList(new int[] { 1, 2 }, new float[] { 2, 1 }));
        DensityModel model = LINE.model(2);
        assertThrows(IllegalArgumentException.class,
                () -> model.score(new NeighbourList(new int[] { 1 }, new float[] { 1 })));
    }

    @Test
    void cancellingStopsTheBuild() {
        Progress cancelled = Progress.cancelledWhen(() -> true);
        assertThrows(CancelledException.class,
                () -> DensityModel.build(LINE.size(), 2, i -> LINE.leaveOneOut(i, 2), cancelled));
    }
}
