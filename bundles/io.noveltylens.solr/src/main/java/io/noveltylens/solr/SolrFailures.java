package io.noveltylens.solr;

import io.noveltylens.core.NoveltyException;
import io.noveltylens.core.NoveltyException.Kind;

/** The messages of what can go wrong talking to SolrCloud: what happened, and what to do. */
final class SolrFailures {

    private SolrFailures() {
    }

    static NoveltyException unreachable(SolrAddress address, Exception cause) {
        return new NoveltyException(Kind.INDEX, "Cannot use the SolrCloud " + address + ": " + message(cause) //$NON-NLS-1$ //$NON-NLS-2$
                + ". Check that the cluster is running and that --solr gives base URLs of its nodes " //$NON-NLS-1$
                + "(http://HOST:8983/solr) or --zk its ZooKeeper (HOST:2181/solr).", cause); //$NON-NLS-1$
    }

    static NoveltyException failed(String what, SolrAddress address, Exception cause) {
        return new NoveltyException(Kind.INDEX, what + " in the SolrCloud " + address + " failed: " + message(cause) //$NON-NLS-1$ //$NON-NLS-2$
                + ". Check the cluster's health (every shard needs a live replica) and try again.", cause); //$NON-NLS-1$
    }

    private static String message(Throwable cause) {
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return text.length() > 300 ? text.substring(0, 300) + "..." : text; //$NON-NLS-1$
    }
}
