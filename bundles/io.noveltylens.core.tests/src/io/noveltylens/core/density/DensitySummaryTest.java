package io.noveltylens.core.density;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.noveltylens.core.NoveltyException;

/**
 * A store that keeps each passage's statistics with the passage scores from a {@link DensitySummary} and the
 * statistics of the query's neighbours only. The oracles: LOF and LoOP computed from their published definitions over
 * every point ({@link PublishedDefinitions}), the percentile counted by brute force over every passage's mean kNN
 * distance, and the full {@link DensityModel} of the same corpus, which must score through the same code.
 */
class DensitySummaryTest {

    private static final int K = 6;

    @Test
    void theNeighboursStatisticsAloneScoreEveryQueryAsTheWholeModel() {
        Random random = new Random(31);
        PointCloud cloud = PointCloud.uniformSquare(400, random);
        DensityModel model = cloud.model(K);
        DensitySummary everyValue = model.summary(cloud.size());
        DensitySummary table = model.summary(33);
        double bound = 100.0 / 32;
        PublishedDefinitions oracle = new PublishedDefinitions(cloud, K, DensityModel.DEFAULT_LAMBDA);
        double[] corpusMeans = new double[cloud.size()];
        for (int p = 0; p < cloud.size(); p++) {
            NeighbourList own = cloud.leaveOneOut(p, K);
            for (int j = 0; j < K; j++) {
                corpusMeans[p] += own.distance(j) / K;
            }
        }
        for (int q = 0; q < 200; q++) {
            double[] query = { 1.4 * random.nextDouble() - 0.2, 1.4 * random.nextDouble() - 0.2 };
            NeighbourList neighbours = cloud.neighbours(query, -1, K + 3);
            DensityReadout fromTable = table.score(neighbours, model::passage);
            assertEquals(oracle.lof(query, -1), fromTable.lof(), 1e-4 * oracle.lof(query, -1));
            assertEquals(oracle.loop(query, -1), fromTable.loop(), 1e-5);
            double mean = fromTable.meanDistance();
            double below = 0;
            for (double corpusMean : corpusMeans) {
                below += corpusMean < mean ? 1 : corpusMean == mean ? 0.5 : 0;
            }
            assertEquals(100 * below / cloud.size(), fromTable.percentile(), bound + 1e-9);
            DensityReadout whole = model.score(neighbours);
            assertEquals(whole, everyValue.score(neighbours, model::passage));
            assertEquals(whole.lof(), fromTable.lof());
            assertEquals(whole.loop(), fromTable.loop());
        }
    }

    @Test
    void aWrittenSummaryScoresAsBeforeAndAnotherVersionIsRefused() throws IOException, NoveltyException {
        Random random = new Random(37);
        PointCloud cloud = PointCloud.uniformSquare(150, random);
        DensityModel model = cloud.model(K);
        DensitySummary written = model.summary(65);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            written.write(out);
        }
        assertTrue(bytes.size() < 65 * 16 + 64, "a summary's size follows its knots: " + bytes.size() + " bytes");
        DensitySummary read = DensitySummary.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        assertEquals(written.k(), read.k());
        for (int q = 0; q < 30; q++) {
            NeighbourList neighbours = cloud.neighbours(new double[] { random.nextDouble(), random.nextDouble() }, -1,
                    K);
            assertEquals(written.score(neighbours, model::passage), read.score(neighbours, model::passage));
        }
        byte[] other = bytes.toByteArray();
        other[3] = 9;
        NoveltyException refused = assertThrows(NoveltyException.class,
                () -> DensitySummary.read(new DataInputStream(new ByteArrayInputStream(other))));
        assertEquals(NoveltyException.Kind.INDEX, refused.kind());
    }
}
