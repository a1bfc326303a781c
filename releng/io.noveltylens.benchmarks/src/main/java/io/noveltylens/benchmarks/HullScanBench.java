package io.noveltylens.benchmarks;

import java.util.ArrayList;
import java.util.List;

import io.noveltylens.benchmarks.ResultTable.Status;
import io.noveltylens.core.hull.Deadline;
import io.noveltylens.core.hull.ExactLinearOracle;
import io.noveltylens.core.hull.ExtrapolationDepth;
import io.noveltylens.core.hull.ExtrapolationDepthResult;
import io.noveltylens.core.hull.HullDistance;
import io.noveltylens.core.hull.HullDistanceResult;
import io.noveltylens.core.index.HullData;
import io.noveltylens.core.index.LuceneCorpusIndex;
import io.noveltylens.core.math.FloatMatrix;

/**
 * The hull readouts over the default corpus as the engine reads it, in place from the index's memory-mapped files
 * (the unit vectors in Lucene's vector file, the projection in {@code projected.f32}), against the same solvers over
 * copies of the same floats on the heap, as the engine held them before: query by query, the order alternating, so
 * that the ratio is paired. Both run without a deadline, so they do the same iterations and must give the same
 * results to the bit; any difference is counted.
 */
final class HullScanBench {

    /** Frank-Wolfe's iterations are bounded only to stop a runaway; the distance converges long before. */
    private static final int MAX_ITERATIONS = 100_000;

    private HullScanBench() {
    }

    static void run(BenchmarkPaths paths, List<float[]> unitQueries, ResultTable table) throws Exception {
        try (LuceneCorpusIndex index = LuceneCorpusIndex.open(paths.index(), null, 0)) {
            HullData data = index.hullData();
            FloatMatrix mappedUnits = ((ExactLinearOracle) data.vectors()).matrix();
            FloatMatrix mappedProjected = ((ExactLinearOracle) data.projected()).matrix();
            Solvers inPlace = new Solvers(mappedUnits, mappedProjected);
            Solvers onHeap = new Solvers(heapCopy(mappedUnits), heapCopy(mappedProjected));
            double[] warmUp = widened(unitQueries.get(0));
            inPlace.measure(warmUp, data.pca().project(unitQueries.get(0), mappedProjected.cols()));
            onHeap.measure(warmUp, data.pca().project(unitQueries.get(0), mappedProjected.cols()));
            List<Double> inPlaceMillis = new ArrayList<>();
            List<Double> onHeapMillis = new ArrayList<>();
            List<Double> ratios = new ArrayList<>();
            int differing = 0;
            for (int q = 1; q < unitQueries.size(); q++) {
                double[] query = widened(unitQueries.get(q));
                double[] projected = data.pca().project(unitQueries.get(q), mappedProjected.cols());
                Timed first = (q % 2 == 0 ? inPlace : onHeap).measure(query, projected);
                Timed second = (q % 2 == 0 ? onHeap : inPlace).measure(query, projected);
                Timed mapped = q % 2 == 0 ? first : second;
                Timed heap = q % 2 == 0 ? second : first;
                inPlaceMillis.add(mapped.millis());
                onHeapMillis.add(heap.millis());
                ratios.add(mapped.millis() / heap.millis());
                if (!mapped.distance().equals(heap.distance()) || !mapped.depth().equals(heap.depth())) {
                    differing++;
                }
                System.out.printf("[bench] hull in place vs on heap, query %d: %.0f ms vs %.0f ms%n", q,
                        mapped.millis(), heap.millis());
            }
            Samples ratio = Samples.of(ratios);
            table.add("Memory", String.format("hull readouts (distance to 1 %% + depth sweep, no deadline) over the "
                    + "index files mapped in place vs heap copies of the same %d x %d and %d x %d floats (ms per "
                    + "query, %d held-out sentences; results differing to the bit: %d)", mappedUnits.rows(),
                    mappedUnits.cols(), mappedProjected.rows(), mappedProjected.cols(), ratios.size(), differing),
                    Samples.of(inPlaceMillis).describeRange("%.0f"),
                    "heap copies " + Samples.of(onHeapMillis).describeRange("%.0f"), ratio.describeRange("%.2fx"),
                    "<= 1.10x, identical results", Status.of(ratio.median() <= 1.10 && differing == 0));
        }
    }

    private static FloatMatrix heapCopy(FloatMatrix matrix) {
        float[][] rows = new float[matrix.rows()][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = matrix.row(i);
        }
        return FloatMatrix.of(rows);
    }

    private static double[] widened(float[] vector) {
        double[] wide = new double[vector.length];
        for (int i = 0; i < wide.length; i++) {
            wide[i] = vector[i];
        }
        return wide;
    }

    private record Timed(HullDistanceResult distance, ExtrapolationDepthResult depth, double millis) {
    }

    /** The product's two hull solvers over one copy of the corpus. */
    private record Solvers(HullDistance distance, ExtrapolationDepth depth) {

        Solvers(FloatMatrix units, FloatMatrix projected) {
            this(new HullDistance(units), new ExtrapolationDepth(projected));
        }

        Timed measure(double[] query, double[] projected) {
            long start = System.nanoTime();
            HullDistanceResult found = distance.distance(query, distance.nearestRow(query), Deadline.NONE,
                    MAX_ITERATIONS);
            ExtrapolationDepthResult deep = depth.measure(projected, Deadline.NONE);
            return new Timed(found, deep, (System.nanoTime() - start) / 1e6);
        }
    }
}
