package io.noveltylens.core.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import io.noveltylens.core.NoveltyException;
import io.noveltylens.core.Progress;
import io.noveltylens.core.hull.ExactLinearOracle;
import io.noveltylens.core.hull.FetchedRows;
import io.noveltylens.core.hull.ForwardingOracle;
import io.noveltylens.core.hull.LinearOracle;
import io.noveltylens.core.hull.Maximisers;
import io.noveltylens.core.hull.OracleFailure;
import io.noveltylens.core.index.HullData;
import io.noveltylens.core.math.FloatMatrix;
import io.noveltylens.core.math.Pca;

class HullAnalysisTest {

    private static final int ROWS = 300;
    private static final int DIM = 12;

    private static FloatMatrix corpus() {
        Random random = new Random(71);
        float[] data = new float[ROWS * DIM];
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) random.nextGaussian();
        }
        return new FloatMatrix(ROWS, DIM, data);
    }

    /** A remote corpus that stops answering: the analysis reports the failure it carries, with its message. */
    @Test
    void aFailingRemoteCorpusReachesTheCallerAsItsNoveltyException() {
        FloatMatrix corpus = corpus();
        Pca pca = Pca.fit(corpus, 4, Progress.NONE);
        NoveltyException unreachable = new NoveltyException(NoveltyException.Kind.INDEX, "The cluster went away.");
        LinearOracle failing = new ForwardingOracle(corpus) {
            @Override
            public Maximisers maximise(double[] direction, int count, FetchedRows held) {
                throw new OracleFailure(unreachable);
            }
        };
        HullData data = new HullData(failing, pca, new ExactLinearOracle(pca.projectAll(corpus, 4)), 1);
        float[] query = new float[DIM];
        query[0] = 10;
        NoveltyException thrown = assertThrows(NoveltyException.class,
                () -> new HullAnalysis(Duration.ofSeconds(5)).analyze(query, 0, data, Progress.NONE));
        assertSame(unreachable, thrown);
    }

    /** Over exact oracles the report is certified, and its explanations do not say otherwise. */
    @Test
    void exactOraclesGiveACertifiedReport() throws NoveltyException {
        FloatMatrix corpus = corpus();
        Pca pca = Pca.fit(corpus, 4, Progress.NONE);
        HullData data = new HullData(new ExactLinearOracle(corpus), pca,
                new ExactLinearOracle(pca.projectAll(corpus, 4)), 1);
        float[] query = new float[DIM];
        query[0] = 10;
        HullReport report = new HullAnalysis(Duration.ofSeconds(5)).analyze(query, 0, data, Progress.NONE);
        assertTrue(report.certified(), report::toString);
        assertEquals(4, report.components());
        assertFalse(report.distanceExplanation().contains("not certified"), report.distanceExplanation());
        assertFalse(report.depthExplanation().contains("not certified"), report.depthExplanation());
    }

    /**
     * A selection that arrives while the warm-up solves waits for it, and then gets its whole budget: the warm-up is
     * held for longer than the budget, so a deadline started on arrival would leave the depth curve undecided.
     */
    @Test
    void aSelectionDuringTheWarmUpWaitsAndKeepsItsWholeBudget() throws Exception {
        FloatMatrix corpus = corpus();
        Pca pca = Pca.fit(corpus, 4, Progress.NONE);
        CountDownLatch warmUpStarted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean first = new AtomicBoolean(true);
        LinearOracle holding = new ForwardingOracle(corpus) {
            @Override
            public Maximisers maximise(double[] direction, int count, FetchedRows held) {
                if (first.getAndSet(false)) {
                    warmUpStarted.countDown();
                    awaitQuietly(release);
                }
                return exact.maximise(direction, count, held);
            }
        };
        HullData data = new HullData(holding, pca, new ExactLinearOracle(pca.projectAll(corpus, 4)), 1);
        Duration budget = Duration.ofMillis(300);
        HullAnalysis analysis = new HullAnalysis(budget);
        // threads of their own: on 2 cores the common pool has one, which the solvers' depth sweep needs
        ExecutorService callers = Executors.newFixedThreadPool(2);
        Future<?> warmUp = callers.submit(() -> {
            analysis.warmUp(data);
            return null;
        });
        assertTrue(warmUpStarted.await(10, TimeUnit.SECONDS), "the warm-up never reached the corpus");
        float[] query = new float[DIM];
        query[0] = 10;
        Future<HullReport> selection = callers.submit(() -> analysis.analyze(query, 0, data, Progress.NONE));
        Thread.sleep(2 * budget.toMillis());
        assertFalse(selection.isDone(), "the selection did not wait for the warm-up");
        release.countDown();
        warmUp.get(10, TimeUnit.SECONDS);
        HullReport report = selection.get(10, TimeUnit.SECONDS);
        assertNotNull(report);
        assertTrue(report.depth().complete(), report::toString);
        assertTrue(report.distance().converged(), report::toString);
        assertTrue(report.millis() < 2 * budget.toMillis(), () -> "charged with the wait: " + report.millis());
        callers.shutdown();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
