package io.noveltylens.solr;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import io.noveltylens.core.CancelledException;
import io.noveltylens.core.NoveltyException;

/** Waiting for work handed to another thread: its failure is rethrown here as it was thrown there. */
final class BackgroundWork {

    private BackgroundWork() {
    }

    /** Waits for {@code work}; an interrupt while waiting is a cancellation. */
    static void await(Future<?> work) throws NoveltyException {
        try {
            work.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof NoveltyException failure) {
                throw failure;
            }
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException();
        }
    }
}
