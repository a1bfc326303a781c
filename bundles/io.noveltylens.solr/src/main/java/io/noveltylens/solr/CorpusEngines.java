package io.noveltylens.solr;

import io.noveltylens.core.NoveltyException;
import io.noveltylens.core.Progress;
import io.noveltylens.core.engine.EngineConfig;
import io.noveltylens.core.engine.NoveltyEngine;

/**
 * Opens the engine over the corpus a front end is configured with: a SolrCloud collection when one is named, else
 * the local index folder of the configuration. The one place where the IDE and the command line choose between the
 * two; it lives here because this bundle knows both, while core cannot know SolrCloud (docs/design.md, Architecture).
 */
public final class CorpusEngines {

    private CorpusEngines() {
    }

    /**
     * The engine over {@code collection}, or over {@code config}'s index folder when it is null. A local index opens
     * while the model loads; a collection once the model is loaded, because it is checked against the model's
     * fingerprint on open.
     */
    public static NoveltyEngine open(EngineConfig config, SolrAddress collection, Progress progress)
            throws NoveltyException {
        if (collection == null) {
            return NoveltyEngine.open(config, progress);
        }
        return NoveltyEngine.open(config, (model, dimension) -> SolrCorpusIndex.open(collection, model, dimension));
    }
}
