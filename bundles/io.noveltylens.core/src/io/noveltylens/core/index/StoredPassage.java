package io.noveltylens.core.index;

import java.util.List;

import io.noveltylens.core.corpus.Provenance;

/** A passage as the index stores it. */
public record StoredPassage(int ordinal, String passageId, String text, List<Provenance> sources) {

    public StoredPassage {
        sources = List.copyOf(sources);
    }
}
