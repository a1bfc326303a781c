package io.noveltylens.core.verbatim;

import java.io.IOException;
import java.util.List;

import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;

/**
 * A {@link PhraseIndex} over a text field indexed with positions by the {@link VerbatimAnalyzer}: an exact
 * {@link PhraseQuery} (slop 0). Document numbers are those of the searcher's reader (global, across segments); read
 * the documents through the same searcher. With several values of the field in one document, a phrase may run from
 * the end of one value into the next (position gap 0).
 */
public final class LucenePhraseIndex implements PhraseIndex {

    private final IndexSearcher searcher;
    private final String field;

    public LucenePhraseIndex(IndexSearcher searcher, String field) {
        this.searcher = searcher;
        this.field = field;
    }

    @Override
    public int[] documentsWith(List<String> terms, int max) throws IOException {
        return PhraseMatches.first(searcher, new PhraseQuery(field, terms.toArray(String[]::new)), max);
    }
}
