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
        return new NoveltyException(Kind.INDEX, "Cannot use the SolrCloud " + address + ": " + message(cause)
                + ". Check that the cluster is running and that the address gives base URLs of its nodes "
                + "(http://HOST:8983/solr) or its ZooKeeper (HOST:2181/solr).", cause);
    }

    static NoveltyException failed(String what, SolrAddress address, Exception cause) {
        if (isMissingCollection(cause)) {
            return missingCollection(address);
        }
        return new NoveltyException(Kind.INDEX, what + " in the SolrCloud " + address + " failed: " + message(cause)
                + ". Check the cluster's health (every shard needs a live replica) and try again.", cause);
    }

    static NoveltyException missingCollection(SolrAddress address) {
        String corpus = SolrCollections.corpusOf(address.collection());
        if (corpus != null) {
            return new NoveltyException(Kind.INDEX, "The SolrCloud corpus '" + corpus + "' was filled again or "
                    + "deleted since it was opened here: " + address + " is gone. Open the corpus again (Try again "
                    + "in the Novelty view, or run the command again).");
        }
        return new NoveltyException(Kind.INDEX, "There is no " + address + ". Create it with 'novelty solr create "
                + "--collection " + address.collection() + " --shards S --replicas R' and fill it with 'novelty index "
                + "--collection " + address.collection() + " --corpus PATH', both with the same --solr or --zk.");
    }

    /** SolrJ says so in the message only ("Collection not found: NAME"), whichever client or node answers. */
    private static boolean isMissingCollection(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains("Collection not found")) {
                return true;
            }
        }
        return false;
    }

    /** What went wrong, for a progress line: the root cause's message. */
    static String cause(Throwable cause) {
        return message(cause);
    }

    /**
     * The root cause's message, without SolrJ's advice to its own developers ("you could try re-creating a new
     * CloudSolrClient"), which our messages replace with what the user can do.
     */
    private static String message(Throwable cause) {
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        int advice = text.indexOf("If you think your Solr cluster is up");
        text = (advice > 0 ? text.substring(0, advice) : text).strip();
        // our message goes on with ". Check ...": no second full stop
        while (text.endsWith(".")) {
            text = text.substring(0, text.length() - 1);
        }
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }
}
