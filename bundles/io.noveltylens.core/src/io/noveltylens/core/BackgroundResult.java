package io.noveltylens.core;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** Waits for work started on another thread, so that the caller sees its failure as if it had done the work itself. */
public final class BackgroundResult {

    private BackgroundResult() {
    }

    /**
     * The result of {@code future}: its {@link NoveltyException} or unchecked exception is rethrown as it is; an
     * interrupted wait becomes {@link CancelledException}, with the thread's interrupt flag kept.
     *
     * @param what the work, for the message of any other failure
     */
    public static <T> T await(Future<T> future, String what) throws NoveltyException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof NoveltyException cause) {
                throw cause;
            }
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new IllegalStateException(what + " failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException();
        }
    }
}
