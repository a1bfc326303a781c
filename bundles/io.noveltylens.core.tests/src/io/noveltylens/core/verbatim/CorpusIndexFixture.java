package io.noveltylens.core.verbatim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * An in-memory Lucene index of passages, each in a word field and a shingle field analysed by
 * {@link VerbatimAnalyzer#withShingles(String)}. A small corpus fits one flush of the RAM buffer, hence one segment,
 * so that document numbers are the passages' positions in the list.
 */
final class CorpusIndexFixture {

    static final String FIELD = "words";

    static final String SHINGLES = "shingles";

    private CorpusIndexFixture() {
    }

    static IndexSearcher searcherOver(List<String> passages) {
        ByteBuffersDirectory directory = new ByteBuffersDirectory();
        IndexWriterConfig config = new IndexWriterConfig(VerbatimAnalyzer.withShingles(SHINGLES))
                .setRAMBufferSizeMB(256);
        try (IndexWriter writer = new IndexWriter(directory, config)) {
            for (String passage : passages) {
                Document document = new Document();
                document.add(new TextField(FIELD, passage, Field.Store.NO));
                document.add(new TextField(SHINGLES, passage, Field.Store.NO));
                writer.addDocument(document);
            }
            writer.commit();
            return new IndexSearcher(DirectoryReader.open(directory));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
