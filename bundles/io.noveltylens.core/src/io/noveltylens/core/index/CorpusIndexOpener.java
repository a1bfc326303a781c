package io.noveltylens.core.index;

import io.noveltylens.core.NoveltyException;
import io.noveltylens.core.embed.ModelFingerprint;

/**
 * Opens the corpus an engine analyses against once the model is loaded, when it is not the local index of
 * EngineConfig.indexDir() (e.g. a SolrCloud collection). It must refuse a corpus built with another model.
 */
@FunctionalInterface
public interface CorpusIndexOpener {

    CorpusIndex open(ModelFingerprint model, int dimension) throws NoveltyException;
}
