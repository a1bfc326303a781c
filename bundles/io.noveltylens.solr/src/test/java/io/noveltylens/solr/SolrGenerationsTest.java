package io.noveltylens.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.noveltylens.core.NoveltyException;

/** The names of a corpus's generations, and what a user is told when one is gone or the cluster cannot be reached. */
class SolrGenerationsTest {

    @Test
    void generationsAreNumberedAfterTheCorpus() {
        assertEquals("books.g1", SolrCollections.generation("books", 1)); //$NON-NLS-1$ //$NON-NLS-2$
        assertEquals("books.g4", SolrCollections.next("books", "books.g3")); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
        assertEquals("books.g10", SolrCollections.next("books", "books.g9")); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
        // an alias pointed by hand at a collection of another name: the fill starts the numbering
        assertEquals("books.g2", SolrCollections.next("books", "library")); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
    }

    @Test
    void theCorpusOfAGenerationIsItsNameBeforeTheSuffix() {
        assertEquals("books", SolrCollections.corpusOf("books.g3")); //$NON-NLS-1$ //$NON-NLS-2$
        assertEquals("my.g2.books", SolrCollections.corpusOf("my.g2.books.g12")); //$NON-NLS-1$ //$NON-NLS-2$
        assertNull(SolrCollections.corpusOf("books")); //$NON-NLS-1$
        assertNull(SolrCollections.corpusOf("books.g")); //$NON-NLS-1$
        assertNull(SolrCollections.corpusOf("books.gx")); //$NON-NLS-1$
        assertNull(SolrCollections.corpusOf(".g3")); //$NON-NLS-1$
    }

    @Test
    void aGenerationThatIsGoneAsksToOpenTheCorpusAgain() throws NoveltyException {
        String message = SolrFailures.missingCollection(SolrAddress.parse("http://a:8983/solr", null, "books.g3")) //$NON-NLS-1$ //$NON-NLS-2$
                .getMessage();
        assertTrue(message.startsWith("The SolrCloud corpus 'books' was filled again or deleted"), message); //$NON-NLS-1$
        assertTrue(message.contains("Open the corpus again"), message); //$NON-NLS-1$
        String missing = SolrFailures.missingCollection(SolrAddress.parse("http://a:8983/solr", null, "books")) //$NON-NLS-1$ //$NON-NLS-2$
                .getMessage();
        assertTrue(missing.contains("Create it with 'novelty solr create --collection books"), missing); //$NON-NLS-1$
    }

    /** SolrJ's words for an unreachable cluster, as it throws them: its advice to developers is dropped. */
    @Test
    void anUnreachableClusterIsReportedWithoutSolrJsAdviceToItsDevelopers() throws NoveltyException {
        RuntimeException solrj = new RuntimeException("Failed fetching live_nodes from [http://a:8983/solr]. If you " //$NON-NLS-1$
                + "think your Solr cluster is up and is accessible, you could try re-creating a new CloudSolrClient " //$NON-NLS-1$
                + "using working solr URLs."); //$NON-NLS-1$
        String message = SolrFailures.unreachable(SolrAddress.parse("http://a:8983/solr", null, "books"), solrj) //$NON-NLS-1$ //$NON-NLS-2$
                .getMessage();
        assertTrue(message.contains("Failed fetching live_nodes from [http://a:8983/solr]. Check that the cluster is " //$NON-NLS-1$
                + "running"), message); //$NON-NLS-1$
        assertFalse(message.contains("CloudSolrClient"), message); //$NON-NLS-1$
    }
}
