package io.noveltylens.core.density;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.noveltylens.core.NoveltyException;
import io.noveltylens.core.Progress;

class DensityModelFormatTest {

    private static byte[] bytesOf(DensityModel model) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            model.write(out);
        }
        return bytes.toByteArray();
    }

    private static DensityModel read(byte[] bytes) throws IOException, NoveltyException {
        return DensityModel.read(new DataInputStream(new ByteArrayInputStream(bytes)));
    }

    @Test
    void roundTripKeepsEveryStoredValueAndEveryScore() throws Exception {
        Random random = new Random(11);
        PointCloud cloud = PointCloud.uniformSquare(120, random);
        DensityModel written = cloud.model(6);
        DensityModel loaded = read(bytesOf(written));
        assertEquals(written.k(), loaded.k());
        assertEquals(written.lambda(), loaded.lambda());
        assertEquals(written.nPlof(), loaded.nPlof());
        for (int p = 0; p < cloud.size(); p++) {
            assertEquals(written.kDistance(p), loaded.kDistance(p));
            assertEquals(written.lrd(p), loaded.lrd(p));
            assertEquals(written.meanDistance(p), loaded.meanDistance(p));
            assertEquals(written.pdist(p), loaded.pdist(p));
            assertEquals(written.plof(p), loaded.plof(p));
        }
        for (int q = 0; q < 20; q++) {
            double[] query = { random.nextDouble(), random.nextDouble() };
            NeighbourList neighbours = cloud.neighbours(query, -1, 6);
            assertEquals(written.score(neighbours), loaded.score(neighbours));
        }
    }

    @Test
    void anotherFormatVersionIsRefusedAsAnIndexProblem() throws Exception {
        byte[] bytes = bytesOf(PointCloud.onLine(0, 1, 3).model(1));
        bytes[3]++;
        NoveltyException refused = assertThrows(NoveltyException.class, () -> read(bytes));
        assertEquals(NoveltyException.Kind.INDEX, refused.kind());
    }

    /** Not an assertion on time (shared machine): prints how long 65,000 passages take to load. */
    @Test
    void corpusOf65000PassagesLoadsIntact() throws Exception {
        int n = 65_000;
        int k = 10;
        Random random = new Random(5);
        NeighbourList[] lists = new NeighbourList[n];
        for (int i = 0; i < n; i++) {
            int passage = i;
            int[] ids = random.ints(0, n).filter(id -> id != passage).distinct().limit(k).toArray();
            float[] distances = new float[k];
            for (int j = 0; j < k; j++) {
                distances[j] = 0.3f + 0.1f * random.nextFloat();
            }
            Arrays.sort(distances);
            lists[i] = new NeighbourList(ids, distances);
        }
        DensityModel written = DensityModel.build(n, k, i -> lists[i], Progress.NONE);
        byte[] bytes = bytesOf(written);
        DensityModel loaded = null;
        long best = Long.MAX_VALUE;
        for (int run = 0; run < 5; run++) {
            long start = System.nanoTime();
            loaded = read(bytes);
            best = Math.min(best, System.nanoTime() - start);
        }
        System.out.printf("DensityModel: %,d passages, %,d bytes, read in %.1f ms (best of 5)%n", n, bytes.length,
                best / 1e6);
        DensityModel reloaded = loaded;
        assertArrayEquals(IntStream.range(0, n).mapToDouble(written::lrd).toArray(),
                IntStream.range(0, n).mapToDouble(reloaded::lrd).toArray());
    }
}
