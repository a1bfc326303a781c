package io.noveltylens.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.noveltylens.core.NoveltyException;

class SolrAddressTest {

    @Test
    void solrUrlsAreSplitAtCommas() throws NoveltyException {
        SolrAddress address = SolrAddress.parse("http://a:8983/solr, http://b:8983/solr", null, "books");
        assertEquals(List.of("http://a:8983/solr", "http://b:8983/solr"), address.solrUrls());
        assertEquals(List.of(), address.zkHosts());
    }

    @Test
    void theZooKeeperChrootIsSeparatedFromTheHosts() throws NoveltyException {
        SolrAddress address = SolrAddress.parse(null, "zk1:2181,zk2:2181/solr", "books");
        assertEquals(List.of("zk1:2181", "zk2:2181"), address.zkHosts());
        assertEquals("/solr", address.zkChroot());
        assertNull(SolrAddress.parse(null, "zk1:2181", "books").zkChroot());
    }

    @Test
    void aWrongAddressIsRefusedWithTheFix() {
        assertTrue(refusal("a:8983", null, "books").contains("http://HOST:8983/solr"));
        assertTrue(refusal("http://a:8983/solr", "zk:2181", "books").contains("not both"));
        assertTrue(refusal("http://a:8983/solr", null, null).contains("--collection NAME"));
        assertTrue(refusal("http://a:8983/solr", null, "my books").contains("'my books'"));
        assertTrue(refusal(" , ", null, "books").contains("at least one node"));
        assertTrue(refusal(null, "/solr", "books").contains("no host"));
    }

    private static String refusal(String solr, String zk, String collection) {
        NoveltyException e = assertThrows(NoveltyException.class, () -> SolrAddress.parse(solr, zk, collection));
        assertEquals(NoveltyException.Kind.BAD_INPUT, e.kind());
        return e.getMessage();
    }
}
