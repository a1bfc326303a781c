package io.noveltylens.ui.engine;

import io.noveltylens.core.NoveltyException;

/** Where the shared engine is in its life, for the view's empty states. */
public sealed interface EngineState {

    /** Nothing loaded yet: the first analysis will load the model. */
    record NotLoaded() implements EngineState {
    }

    /** The model and index are being loaded in the background (visible in the Progress view). */
    record Loading() implements EngineState {
    }

    record Ready() implements EngineState {
    }

    /**
     * The index no longer matches the model or the corpus chosen, and is being rebuilt (visible in the Progress view).
     *
     * @param percent         how far the rebuild is
     * @param previousAnswers whether the previous index still answers meanwhile: only when it was built with the
     *                        current model, so that no answer ever mixes two models
     */
    record Rebuilding(int percent, boolean previousAnswers) implements EngineState {
    }

    /** Loading failed; the message says what to fix. */
    record Failed(NoveltyException error) implements EngineState {
    }
}
