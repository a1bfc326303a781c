package io.noveltylens.solr;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.UnrecoverableKeyException;
import java.util.Collections;

import org.apache.solr.client.solrj.embedded.SSLConfig;
import org.apache.solr.client.solrj.impl.Http2SolrClient;
import org.eclipse.jetty.util.ssl.SslContextFactory;

import io.noveltylens.core.NoveltyException;
import io.noveltylens.core.NoveltyException.Kind;

/**
 * How a client proves who it is to a secured SolrCloud cluster and which certificates it trusts: a user and password
 * for Solr's BasicAuth plugin, and a trust store holding the cluster's TLS certificate (or the authority that signed
 * it). Front ends fill it from where they keep secrets (the IDE's Secure Storage, the command line's environment or
 * owner-only file); nothing here writes a secret anywhere, and {@link #toString()} never shows one.
 *
 * @param user               the BasicAuth user, or null to send no credentials
 * @param password           its password, null exactly when {@code user} is
 * @param trustStore         a PKCS12 or JKS trust store, or null to trust what the JVM trusts
 * @param trustStorePassword the trust store's password, or null (a store without one)
 */
public record SolrSecurity(String user, String password, Path trustStore, String trustStorePassword) {

    /** No credentials, the JVM's trusted authorities: an open cluster, or one with a publicly signed certificate. */
    public static final SolrSecurity NONE = new SolrSecurity(null, null, null, null);

    public SolrSecurity {
        if ((user == null) != (password == null)) {
            throw new IllegalArgumentException("a user needs a password and a password a user");
        }
    }

    /** Whether the client speaks TLS with its own trust store. */
    boolean hasTrustStore() {
        return trustStore != null;
    }

    /**
     * Sets up the HTTP client: BasicAuth credentials sent with every request, and the trust store for TLS. Over TLS the
     * client speaks HTTP/1.1: Jetty's HTTP/2 needs an ALPN provider found through the ServiceLoader, which an OSGi
     * runtime does not offer to a bundle; Solr answers both.
     */
    void configure(Http2SolrClient.Builder builder, boolean tls) throws NoveltyException {
        if (user != null) {
            builder.withBasicAuthCredentials(user, password);
        }
        if (trustStore != null) {
            builder.withSSLConfig(new TrustStoreConfig(loadTrustStore()));
        }
        if (tls || trustStore != null) {
            builder.useHttp1_1(true);
        }
    }

    /** Reads the trust store now, so that a wrong file or password is reported before any connection is tried. */
    KeyStore loadTrustStore() throws NoveltyException {
        if (!Files.isRegularFile(trustStore)) {
            throw new NoveltyException(Kind.BAD_INPUT, "The trust store " + trustStore + " does not exist. Give the "
                    + "PKCS12 or JKS file that holds the SolrCloud cluster's certificate (or the authority that "
                    + "signed it).");
        }
        KeyStore store;
        try {
            store = KeyStore.getInstance(trustStore.toFile(),
                    trustStorePassword == null ? null : trustStorePassword.toCharArray());
        } catch (IOException | GeneralSecurityException e) {
            if (e.getCause() instanceof UnrecoverableKeyException) {
                throw new NoveltyException(Kind.BAD_INPUT, "The trust store " + trustStore + " could not be opened "
                        + "with the password given: check the trust store password.", null);
            }
            throw new NoveltyException(Kind.BAD_INPUT, "The trust store " + trustStore + " could not be read as a "
                    + "PKCS12 or JKS file (" + e.getClass().getSimpleName() + "). Give the trust store that holds the "
                    + "SolrCloud cluster's certificate (or the authority that signed it).", null);
        }
        try {
            for (String alias : Collections.list(store.aliases())) {
                if (store.isCertificateEntry(alias) || store.getCertificate(alias) != null) {
                    return store;
                }
            }
        } catch (GeneralSecurityException e) {
            // an unreadable entry counts as none
        }
        throw new NoveltyException(Kind.BAD_INPUT, "The trust store " + trustStore + " holds no certificate that "
                + "could be read" + (trustStorePassword == null ? " without a password: give its password" : "")
                + ". It must hold the SolrCloud cluster's certificate or the authority that signed it.");
    }

    /** For messages: who connects and what it trusts, never a password. */
    @Override
    public String toString() {
        String who = user == null ? "no user" : "user '" + user + "' (password not shown)";
        return who + ", " + (trustStore == null ? "the JVM's trusted certificates" : "trust store " + trustStore);
    }

    /**
     * SolrJ's TLS settings with a trust store of ours. SolrJ's own SSLConfig sets the trust store only for client
     * certificate authentication (SolrJ 9.10), so the client context is made here, with host name verification on
     * (Jetty's default for clients).
     */
    private static final class TrustStoreConfig extends SSLConfig {

        private final KeyStore trusted;

        TrustStoreConfig(KeyStore trusted) {
            super(true, false, null, null, null, null);
            this.trusted = trusted;
        }

        @Override
        public SslContextFactory.Client createClientContextFactory() {
            SslContextFactory.Client factory = new SslContextFactory.Client();
            factory.setTrustStore(trusted);
            return factory;
        }
    }
}
