package io.noveltylens.core.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import io.noveltylens.core.CancelledException;
import io.noveltylens.core.Progress;

/**
 * Runs one independent step per item on a few threads, each taking the next item when it is free: the build's
 * leave-one-out searches and the calibration's measurements, which are searches and solver runs of uneven cost.
 * Stops taking items once {@code progress} is cancelled; counts one unit of work per item.
 */
final class ParallelPasses {

    /** One item's work; may throw what a search or a file read throws. */
    interface Step {
        void run(int item) throws IOException;
    }

    private ParallelPasses() {
    }

    /**
     * Runs {@code step} for items 0 to {@code items - 1}.
     *
     * @param what names the work in the message of a failure ("Neighbour search")
     * @throws IOException when a step failed, with its cause
     * @throws CancelledException when the calling thread is interrupted
     */
    static void run(int items, int threads, Progress progress, String what, Step step) throws IOException {
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < items
                            && !progress.isCanceled(); i = next.getAndIncrement()) {
                        step.run(i);
                        synchronized (progress) {
                            progress.worked(1);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } catch (ExecutionException e) {
            throw new IOException(what + " failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException();
        } finally {
            pool.shutdownNow();
        }
    }
}
