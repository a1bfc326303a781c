package io.noveltylens.solr;

import java.nio.channels.ClosedChannelException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;

import javax.net.ssl.SSLHandshakeException;

import org.apache.solr.common.SolrException;

import io.noveltylens.core.NoveltyException;
import io.noveltylens.core.NoveltyException.Kind;

/** The messages of what can go wrong talking to SolrCloud: what happened, and what to do. */
final class SolrFailures {

    /** Where the user and password are given, in either front end. */
    private static final String SECRETS_WHERE = "--solr-user with NOVELTY_SOLR_PASSWORD or --solr-password-file on "
            + "the command line, the SolrCloud user and password on the preference page in the IDE";
    private static final String TRUST_WHERE = "--solr-trust-store FILE on the command line, the trust store field "
            + "on the preference page in the IDE";

    private SolrFailures() {
    }

    static NoveltyException unreachable(SolrAddress address, Exception cause) {
        if (isMissingCollection(cause)) {
            return missingCollection(address);
        }
        NoveltyException refused = refused("Connecting", address, cause);
        if (refused != null) {
            return refused;
        }
        return new NoveltyException(Kind.INDEX, "Cannot use the SolrCloud " + address + ": " + message(cause)
                + ". Check that the cluster is running and that the address gives base URLs of its nodes "
                + "(http://HOST:8983/solr) or its ZooKeeper (HOST:2181/solr).", cause);
    }

    static NoveltyException failed(String what, SolrAddress address, Exception cause) {
        if (isMissingCollection(cause)) {
            return missingCollection(address);
        }
        NoveltyException refused = refused(what, address, cause);
        if (refused != null) {
            return refused;
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

    /**
     * A secured cluster's refusals, each with its fix: no or wrong credentials (HTTP 401), a user whose role lacks the
     * permission (403 from the authorisation plugin), a certificate the client does not trust; null for other failures.
     * The password itself is never part of a message.
     */
    private static NoveltyException refused(String what, SolrAddress address, Exception cause) {
        String user = address.security().user();
        for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
            int code = t instanceof SolrException solr ? solr.code() : 0;
            String text = t.getMessage() == null ? "" : t.getMessage();
            if (code == 401 || text.contains("Error 401") || text.contains("HTTP ERROR 401")) {
                return new NoveltyException(Kind.INDEX, user == null
                        ? "The SolrCloud " + address + " requires a user name and password (HTTP 401). Give them: "
                                + SECRETS_WHERE + "."
                        : "The SolrCloud " + address + " refused the user '" + user + "' (HTTP 401): wrong user name "
                                + "or password. Check them: " + SECRETS_WHERE + ".",
                        cause);
            }
            if (code == 403 && text.contains("Unauthorized request")) {
                return new NoveltyException(Kind.INDEX, what + " in the SolrCloud " + address + " was refused: the "
                        + "user '" + user + "' lacks the permission (HTTP 403; the cluster's security.json gives its "
                        + "role read access only, or none). Use a user whose role may do this, such as the one that "
                        + "fills the corpus, or ask the cluster's administrator for the permission.", cause);
            }
            if (t instanceof SSLHandshakeException || t instanceof CertificateException
                    || t instanceof CertPathBuilderException || t instanceof CertPathValidatorException) {
                return new NoveltyException(Kind.INDEX, "The SolrCloud " + address + " presented a TLS certificate "
                        + "that is not trusted here (" + message(t) + "; trusting "
                        + (address.security().hasTrustStore()
                                ? address.security().trustStore().toString()
                                : "the Java runtime's authorities")
                        + "). Give a trust store "
                        + "holding the cluster's certificate or the authority that signed it: " + TRUST_WHERE
                        + "; the host name must match the certificate.", cause);
            }
        }
        return null;
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
        String text = root.getMessage() != null ? root.getMessage()
                // a query still unanswered after its resends (SolrReads) when its node stopped: Jetty's client closes
                // the connection with an AsynchronousCloseException, which has no message (SolrRollingRestartIT)
                : root instanceof ClosedChannelException
                        ? "the connection was closed before the answer came (a node stopping or restarting)"
                : root.getClass().getSimpleName();
        int advice = text.indexOf("If you think your Solr cluster is up");
        text = (advice > 0 ? text.substring(0, advice) : text).strip();
        // our message goes on with ". Check ...": no second full stop
        while (text.endsWith(".")) {
            text = text.substring(0, text.length() - 1);
        }
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }
}
