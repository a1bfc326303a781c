package io.noveltylens.solr;

import io.noveltylens.core.NoveltyException;
import io.noveltylens.core.NoveltyException.Kind;

/** The messages of what can go wrong talking to SolrCloud: what happened, and what to do. */
final class SolrFailures {

    private SolrFailures() {
    }

    static NoveltyException unreachable(SolrAddress address, Exception cause) {
        if (isMissingCollection(cause)) {
            return missingCollection(address);
        }
        return new NoveltyException(Kind.INDEX, "Cannot use the SolrCloud " + address + ": " + message(cause) //$NON-NLS-1$ //$NON-NLS-2$
                + ". Check that the cluster is running and that --solr gives base URLs of its nodes " //$NON-NLS-1$
                + "(http://HOST:8983/solr) or --zk its ZooKeeper (HOST:2181/solr).", cause); //$NON-NLS-1$
    }

    static NoveltyException failed(String what, SolrAddress address, Exception cause) {
        if (isMissingCollection(cause)) {
            return missingCollection(address);
        }
        return new NoveltyException(Kind.INDEX, what + " in the SolrCloud " + address + " failed: " + message(cause) //$NON-NLS-1$ //$NON-NLS-2$
                + ". Check the cluster's health (every shard needs a live replica) and try again.", cause); //$NON-NLS-1$
    }

    static NoveltyException missingCollection(SolrAddress address) {
        return new NoveltyException(Kind.INDEX, "There is no " + address + ". Create it with 'novelty solr create " //$NON-NLS-1$ //$NON-NLS-2$
                + "--collection " + address.collection() + " --shards S --replicas R' and fill it with 'novelty index " //$NON-NLS-1$ //$NON-NLS-2$
                + "--collection " + address.collection() + " --corpus PATH', both with the same --solr or --zk."); //$NON-NLS-1$ //$NON-NLS-2$
    }

    /** SolrJ says so in the message only ("Collection not found: NAME"), whichever client or node answers. */
    private static boolean isMissingCollection(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains("Collection not found")) { //$NON-NLS-1$
                return true;
            }
        }
        return false;
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
