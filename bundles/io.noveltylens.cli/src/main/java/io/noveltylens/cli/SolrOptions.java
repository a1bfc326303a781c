package io.noveltylens.cli;

import java.util.Set;

import io.noveltylens.core.NoveltyException;
import io.noveltylens.solr.SolrAddress;

/** The options that point a command at a SolrCloud collection instead of a local index. */
final class SolrOptions {

    static final Set<String> VALUED = Set.of("solr", "zk", "collection"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$

    static final String HELP = """
              --solr URLS        a SolrCloud collection instead of a local index: base URLs of some of its nodes,
                                 comma-separated (http://HOST:8983/solr)
              --zk HOSTS         or its ZooKeeper ensemble (HOST:2181[,HOST:2181...][/solr])
              --collection NAME  the collection (see 'novelty solr create')
            """;

    private SolrOptions() {
    }

    /** The collection the options name, or null when they name none (the command then works on a local index). */
    static SolrAddress address(Arguments arguments) throws UsageException, NoveltyException {
        String solr = arguments.value("solr"); //$NON-NLS-1$
        String zk = arguments.value("zk"); //$NON-NLS-1$
        if (solr == null && zk == null) {
            if (arguments.value("collection") != null) { //$NON-NLS-1$
                throw new UsageException("--collection needs --solr URLS or --zk HOSTS to say where the cluster is"); //$NON-NLS-1$
            }
            return null;
        }
        return SolrAddress.parse(solr, zk, arguments.value("collection")); //$NON-NLS-1$
    }
}
