package io.noveltylens.ui.analysis;

import java.nio.file.Path;
import java.util.List;

import io.noveltylens.core.index.IndexSettings;

/**
 * Which index the engine opens, and how to build it when the preferences call for one the user does not provide: the
 * index of the user's folders, or a copy of the shipped corpus's index for a model other than the one it shipped for.
 * Two equal plans mean the same index; a changed plan means the index may no longer match.
 *
 * @param indexDir the index folder
 * @param sources  what to build it from; empty for an index that is only read (shipped, or chosen by the user)
 * @param settings how to build it; null when {@code sources} is empty
 */
public record IndexPlan(Path indexDir, List<Path> sources, IndexSettings settings) {

    public IndexPlan {
        sources = List.copyOf(sources);
    }

    static IndexPlan readOnly(Path indexDir) {
        return new IndexPlan(indexDir, List.of(), null);
    }

    /** Whether the UI builds this index itself, and so rebuilds it when the model or the sources change. */
    public boolean rebuildable() {
        return !sources.isEmpty();
    }
}
