package io.noveltylens.core.verbatim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

/**
 * {@link LucenePhraseIndex} and {@link ShingledPhraseIndex} must give the readouts the brute-force
 * {@link ScanningPhraseIndex} gives.
 */
class LucenePhraseIndexTest {

    private static final VerbatimAnalyzer ANALYZER = VerbatimAnalyzer.create();

    @Test
    void wordAndShingleIndexesGiveTheSameReadoutsAsTheBruteForceIndex() throws IOException {
        List<String> corpus = VerbatimOverlapTest.CORPUS;
        IndexSearcher searcher = CorpusIndexFixture.searcherOver(corpus);
        VerbatimOverlap words = new VerbatimOverlap(new LucenePhraseIndex(searcher, CorpusIndexFixture.FIELD),
                ANALYZER);
        VerbatimOverlap shingles = new VerbatimOverlap(
                new ShingledPhraseIndex(searcher, CorpusIndexFixture.FIELD, CorpusIndexFixture.SHINGLES), ANALYZER);
        VerbatimOverlap bruteForce = new VerbatimOverlap(new ScanningPhraseIndex(corpus, ANALYZER), ANALYZER);
        List<String> passages = new ArrayList<>(List.of("Zorblat " + VerbatimOverlapTest.SNIPPET + " quintessa",
                corpus.get(4), "Quite so.", "", "I am about to be married."));
        Random random = new Random(99);
        SplicedPassages spliced = new SplicedPassages(corpus, ANALYZER);
        for (int p = 0; p < 40; p++) {
            passages.add(String.join(" ", spliced.next(random, 20 + random.nextInt(40))));
        }
        for (String passage : passages) {
            VerbatimReadout expected = bruteForce.measure(passage);
            assertEquals(expected, words.measure(passage), passage);
            assertEquals(expected, shingles.measure(passage), passage);
        }
    }

    /** Lucene 10.3.2's no-arg StandardAnalyzer keeps stop words too; the VerbatimAnalyzer pins that behaviour. */
    @Test
    void stopWordsAreIndexedAndMatched() throws IOException {
        try (StandardAnalyzer standard = new StandardAnalyzer()) {
            assertTrue(standard.getStopwordSet().isEmpty());
        }
        IndexSearcher searcher = CorpusIndexFixture.searcherOver(List.of("To be, or not to be: that is the question."));
        for (PhraseIndex index : List.of(new LucenePhraseIndex(searcher, CorpusIndexFixture.FIELD),
                new ShingledPhraseIndex(searcher, CorpusIndexFixture.FIELD, CorpusIndexFixture.SHINGLES))) {
            assertTrue(index.occurs(List.of("to", "be", "or", "not", "to", "be", "that", "is", "the")));
            assertTrue(index.occurs(List.of("not", "to", "be")));
            assertFalse(index.occurs(List.of("to", "be", "not", "to", "be")));
            assertFalse(index.occurs(List.of("be", "or", "not", "to", "be", "or")));
            assertFalse(index.occurs(List.of("be", "to")));
        }
    }

    @Test
    void shingleIndexRefusesAnIndexBuiltWithoutShingles() throws IOException {
        ByteBuffersDirectory directory = new ByteBuffersDirectory();
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(ANALYZER))) {
            Document document = new Document();
            document.add(new TextField(CorpusIndexFixture.FIELD, "the quick brown fox jumps", Field.Store.NO));
            writer.addDocument(document);
        }
        try (DirectoryReader reader = DirectoryReader.open(directory)) {
            assertThrows(IllegalArgumentException.class, () -> new ShingledPhraseIndex(new IndexSearcher(reader),
                    CorpusIndexFixture.FIELD, CorpusIndexFixture.SHINGLES));
        }
    }

    @Test
    void documentsWithSkipsDeletedDocumentsSpansSegmentsAndStopsAtMax() throws IOException {
        ByteBuffersDirectory directory = new ByteBuffersDirectory();
        IndexWriterConfig config = new IndexWriterConfig(ANALYZER).setMergePolicy(NoMergePolicy.INSTANCE);
        try (IndexWriter writer = new IndexWriter(directory, config)) {
            for (int d = 0; d < 6; d++) {
                Document document = new Document();
                document.add(new StringField("id", Integer.toString(d), Field.Store.NO));
                document.add(new TextField(CorpusIndexFixture.FIELD,
                        d % 2 == 0 ? "the quick brown fox" : "the brown quick fox", Field.Store.NO));
                writer.addDocument(document);
                if (d == 2) {
                    writer.commit();
                }
            }
            writer.deleteDocuments(new Term("id", "2"));
            writer.commit();
        }
        try (DirectoryReader reader = DirectoryReader.open(directory)) {
            assertEquals(2, reader.leaves().size());
            PhraseIndex index = new LucenePhraseIndex(new IndexSearcher(reader), CorpusIndexFixture.FIELD);
            List<String> phrase = List.of("the", "quick", "brown", "fox");
            assertArrayEquals(new int[] { 0, 4 }, index.documentsWith(phrase, 5));
            assertArrayEquals(new int[] { 0 }, index.documentsWith(phrase, 1));
            assertArrayEquals(new int[0], index.documentsWith(List.of("fox", "the"), 5));
            assertArrayEquals(new int[0], index.documentsWith(List.of("the", "zorblat"), 5));
        }
    }
}
