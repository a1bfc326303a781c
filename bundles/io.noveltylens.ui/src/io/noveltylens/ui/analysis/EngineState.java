package io.noveltylens.ui.analysis;

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

    /** Loading failed; the message says what to fix. */
    record Failed(NoveltyException error) implements EngineState {
    }
}
