package io.noveltylens.ui.engine;

import java.nio.file.Path;
import java.util.List;

import io.noveltylens.core.index.IndexSettings;
import io.noveltylens.solr.SolrAddress;

/**
 * Which index the engine opens, and how to build it when the preferences call for one the user does not provide: the
 * index of the user's folders, or a copy of the shipped corpus's index for a model other than the one it shipped for.
 * Or a SolrCloud collection, which is only read (it is filled from the command line). Two equal plans mean the same
 * index; a changed plan means the index may no longer match.
 *
 * @param indexDir   the index folder; null for a collection
 * @param sources    what to build it from; empty for an index that is only read (shipped, or chosen by the user)
 * @param settings   how to build it; null when {@code sources} is empty
 * @param collection the SolrCloud collection the engine reads instead of an index folder, or null
 */
public record IndexPlan(Path indexDir, List<Path> sources, IndexSettings settings, SolrAddress collection) {

    public IndexPlan {
        sources = List.copyOf(sources);
    }

    /** An index folder, built from {@code sources} with {@code settings}. */
    public IndexPlan(Path indexDir, List<Path> sources, IndexSettings settings) {
        this(indexDir, sources, settings, null);
    }

    static IndexPlan readOnly(Path indexDir) {
        return new IndexPlan(indexDir, List.of(), null);
    }

    static IndexPlan collection(SolrAddress collection) {
        return new IndexPlan(null, List.of(), null, collection);
    }

    /** Whether the UI builds this index itself, and so rebuilds it when the model or the sources change. */
    public boolean rebuildable() {
        return !sources.isEmpty();
    }
}
