package io.noveltylens.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.channels.AsynchronousCloseException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.solr.client.solrj.SolrServerException;
import org.junit.jupiter.api.Test;

import io.noveltylens.core.NoveltyException;

/** The names of a corpus's generations, and what a user is told when one is gone or the cluster cannot be reached. */
class SolrGenerationsTest {

    @Test
    void generationsAreNumberedAfterTheCorpus() {
        assertEquals("books.g1", SolrCollections.generation("books", 1));
        assertEquals("books.g4", SolrCollections.next("books", "books.g3"));
        assertEquals("books.g10", SolrCollections.next("books", "books.g9"));
        // an alias pointed by hand at a collection of another name: the fill starts the numbering
        assertEquals("books.g2", SolrCollections.next("books", "library"));
    }

    @Test
    void theCorpusOfAGenerationIsItsNameBeforeTheSuffix() {
        assertEquals("books", SolrCollections.corpusOf("books.g3"));
        assertEquals("my.g2.books", SolrCollections.corpusOf("my.g2.books.g12"));
        assertNull(SolrCollections.corpusOf("books"));
        assertNull(SolrCollections.corpusOf("books.g"));
        assertNull(SolrCollections.corpusOf("books.gx"));
        assertNull(SolrCollections.corpusOf(".g3"));
    }

    @Test
    void aGenerationThatIsGoneAsksToOpenTheCorpusAgain() throws NoveltyException {
        String message = SolrFailures.missingCollection(SolrAddress.parse("http://a:8983/solr", null, "books.g3"))
                .getMessage();
        assertTrue(message.startsWith("The SolrCloud corpus 'books' was filled again or deleted"), message);
        assertTrue(message.contains("Open the corpus again"), message);
        String missing = SolrFailures.missingCollection(SolrAddress.parse("http://a:8983/solr", null, "books"))
                .getMessage();
        assertTrue(missing.contains("Create it with 'novelty solr create --collection books"), missing);
    }

    /** SolrJ's words for an unreachable cluster, as it throws them: its advice to developers is dropped. */
    @Test
    void anUnreachableClusterIsReportedWithoutSolrJsAdviceToItsDevelopers() throws NoveltyException {
        RuntimeException solrj = new RuntimeException("Failed fetching live_nodes from [http://a:8983/solr]. If you "
                + "think your Solr cluster is up and is accessible, you could try re-creating a new CloudSolrClient "
                + "using working solr URLs.");
        String message = SolrFailures.unreachable(SolrAddress.parse("http://a:8983/solr", null, "books"), solrj)
                .getMessage();
        assertTrue(message.contains("Failed fetching live_nodes from [http://a:8983/solr]. Check that the cluster is "
                + "running"), message);
        assertFalse(message.contains("CloudSolrClient"), message);
    }

    /**
     * A query whose node stopped while it ran, every resend included, fails as Jetty's client reports it (seen in
     * SolrRollingRestartIT without the resends): an AsynchronousCloseException without a message, under SolrJ's.
     */
    @Test
    void aQueryCutOffByAStoppingNodeSaysTheConnectionClosed() throws NoveltyException {
        SolrServerException solrj = new SolrServerException(new AsynchronousCloseException());
        String message = SolrFailures.failed("The nearest-neighbour query",
                SolrAddress.parse("http://a:8983/solr", null, "books.g2"), solrj).getMessage();
        assertEquals("The nearest-neighbour query in the SolrCloud collection 'books.g2' at http://a:8983/solr failed: "
                + "the connection was closed before the answer came (a node stopping or restarting). Check the "
                + "cluster's health (every shard needs a live replica) and try again.", message);
    }

    @Test
    void aReplacedGenerationIsDeletedOnlyOnceItsGracePeriodIsOver() {
        Instant now = Instant.parse("2026-12-07T12:00:00Z");
        Map<String, String> properties = Map.of(
                "novelty.retired.books.g1", Long.toString(now.minus(Duration.ofMinutes(6)).toEpochMilli()),
                "novelty.retired.books.g2", Long.toString(now.minus(Duration.ofMinutes(5)).toEpochMilli()),
                "novelty.retired.books.g3", Long.toString(now.minus(Duration.ofMinutes(4)).toEpochMilli()),
                "novelty.retired.books.g4", "not a time",
                "novelty.fill.books.g5", "{\"owner\":\"someone\"}");
        List<String> generations = List.of("books.g1", "books.g2", "books.g3", "books.g4", "books.g5");
        // g5 is a fill's, not a replaced generation; an unreadable time counts as long over
        assertEquals(List.of("books.g1", "books.g2", "books.g4"),
                SolrRetiredGenerations.expired(properties, generations, now, Duration.ofMinutes(5)));
        assertEquals(List.of("books.g1", "books.g2", "books.g3", "books.g4"),
                SolrRetiredGenerations.expired(properties, generations, now, Duration.ZERO));
        assertTrue(SolrRetiredGenerations.isRetired(properties, "books.g3"));
        assertFalse(SolrRetiredGenerations.isRetired(properties, "books.g5"));
    }
}
