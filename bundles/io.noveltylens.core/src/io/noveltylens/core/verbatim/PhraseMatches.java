package io.noveltylens.core.verbatim;

import java.io.IOException;
import java.util.Arrays;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;

/**
 * The first live documents matching a query, stopping at the {@code max}-th instead of counting them all
 * ({@code IndexSearcher.count} would verify the positions of every document holding a common phrase). It bypasses the
 * query cache: each phrase is asked about once or twice, and caching it would evaluate it over the whole segment.
 */
final class PhraseMatches {

    private PhraseMatches() {
    }

    static int[] first(IndexSearcher searcher, Query query, int max) throws IOException {
        if (max < 1) {
            return new int[0];
        }
        Weight weight = searcher.rewrite(query).createWeight(searcher, ScoreMode.COMPLETE_NO_SCORES, 1);
        int[] documents = new int[max];
        int found = 0;
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            Scorer scorer = weight.scorer(leaf);
            if (scorer == null) {
                continue;
            }
            Bits live = leaf.reader().getLiveDocs();
            DocIdSetIterator matches = scorer.iterator();
            for (int doc = matches.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = matches.nextDoc()) {
                if (live == null || live.get(doc)) {
                    documents[found++] = leaf.docBase + doc;
                    if (found == max) {
                        return documents;
                    }
                }
            }
        }
        return Arrays.copyOf(documents, found);
    }
}
