package io.noveltylens.core.annotate;

import io.noveltylens.core.NoveltyException;

/** Receives each annotated passage as soon as it is scored, so that a run over 100k passages need not hold them. */
@FunctionalInterface
public interface AnnotationSink {

    void accept(AnnotatedPassage passage) throws NoveltyException;

    /** Called after the last passage of each source file: the point up to which a results file is made durable. */
    default void fileDone() throws NoveltyException {
        // a sink that keeps nothing on disk has nothing to make durable
    }
}
