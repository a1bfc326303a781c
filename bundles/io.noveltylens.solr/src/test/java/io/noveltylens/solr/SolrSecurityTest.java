package io.noveltylens.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;

import org.apache.solr.common.SolrException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.noveltylens.core.NoveltyException;
import io.noveltylens.test.support.SelfSignedCertificate;

/**
 * A secured cluster's settings: the trust store is read before any connection, with a message for each way it can be
 * wrong; no description shows a password; and the cluster's refusals become messages that say what to fix.
 */
class SolrSecurityTest {

    private static final String PASSWORD = "s3cret-Passw0rd";

    @TempDir
    static Path dir;
    private static SelfSignedCertificate certificate;

    @BeforeAll
    static void makeACertificate() throws Exception {
        certificate = SelfSignedCertificate.create(dir, "solr", PASSWORD);
    }

    /** The trust store keytool made holds the certificate of the key store, and only it. */
    @Test
    void theTrustStoreHoldsTheClustersCertificate() throws Exception {
        KeyStore trusted = new SolrSecurity(null, null, certificate.trustStore(), PASSWORD).loadTrustStore();
        KeyStore keys = KeyStore.getInstance(certificate.keyStore().toFile(), PASSWORD.toCharArray());
        assertEquals(1, trusted.size());
        X509Certificate cluster = (X509Certificate) keys.getCertificate("solr");
        assertEquals(cluster, trusted.getCertificate(trusted.aliases().nextElement()));
    }

    @Test
    void aWrongTrustStoreIsRefusedWithTheFix() throws Exception {
        assertTrue(trustStoreRefusal(dir.resolve("missing.p12"), PASSWORD).contains("does not exist"));
        assertTrue(trustStoreRefusal(certificate.trustStore(), "wrong").contains("check the trust store password"));
        assertTrue(trustStoreRefusal(certificate.trustStore(), null).contains("without a password: give its password"));
        Path text = Files.writeString(dir.resolve("trust.txt"), "not a key store");
        assertTrue(trustStoreRefusal(text, PASSWORD).contains("could not be read as a PKCS12 or JKS file"));
    }

    @Test
    void noDescriptionShowsAPassword() throws NoveltyException {
        SolrSecurity security = new SolrSecurity("reader", PASSWORD, certificate.trustStore(), PASSWORD);
        SolrAddress address = SolrAddress.parse("https://a:8983/solr", null, "books").withSecurity(security);
        for (String text : new String[] { security.toString(), address.toString(),
                address.withCollection("books.g2").toString() }) {
            assertFalse(text.contains(PASSWORD), text);
        }
        assertEquals("user 'reader' (password not shown), trust store " + certificate.trustStore(),
                security.toString());
    }

    /** SolrJ's exceptions as a secured cluster throws them, each turned into what to fix. */
    @Test
    void theClustersRefusalsSayWhatToFix() throws NoveltyException {
        SolrAddress address = SolrAddress.parse("https://a:8983/solr", null, "books")
                .withSecurity(new SolrSecurity("reader", PASSWORD, null, null));
        String wrong = SolrFailures.failed("Reading", address, new SolrException(SolrException.ErrorCode.UNAUTHORIZED,
                "Error from server at https://a:8983/solr: require authentication")).getMessage();
        assertTrue(wrong.contains("refused the user 'reader' (HTTP 401): wrong user name or password"), wrong);
        String anonymous = SolrFailures.unreachable(SolrAddress.parse("https://a:8983/solr", null, "books"),
                new SolrException(SolrException.ErrorCode.UNAUTHORIZED, "require authentication")).getMessage();
        assertTrue(anonymous.contains("requires a user name and password (HTTP 401)"), anonymous);
        String forbidden = SolrFailures.failed("Creating the collection", address,
                new SolrException(SolrException.ErrorCode.FORBIDDEN, "Unauthorized request, Response code: 403"))
                .getMessage();
        assertTrue(forbidden.startsWith("Creating the collection in the SolrCloud collection 'books' at "
                + "https://a:8983/solr was refused: the user 'reader' lacks the permission"), forbidden);
        // a read-only collection also answers 403: that is no permission problem of the user's
        String readOnly = SolrFailures.failed("Uploading", address,
                new SolrException(SolrException.ErrorCode.FORBIDDEN, "Collection books.g2 is read-only")).getMessage();
        assertFalse(readOnly.contains("lacks the permission"), readOnly);
        String untrusted = SolrFailures.unreachable(address, new Exception("connect",
                new javax.net.ssl.SSLHandshakeException("PKIX path building failed"))).getMessage();
        assertTrue(untrusted.contains("presented a TLS certificate that is not trusted here (PKIX path building "
                + "failed; trusting the Java runtime's authorities)"), untrusted);
        for (String message : new String[] { wrong, anonymous, forbidden, untrusted }) {
            assertFalse(message.contains(PASSWORD), message);
        }
    }

    private static String trustStoreRefusal(Path store, String password) {
        NoveltyException e = assertThrows(NoveltyException.class,
                () -> new SolrSecurity(null, null, store, password).loadTrustStore());
        assertEquals(NoveltyException.Kind.BAD_INPUT, e.kind());
        return e.getMessage();
    }
}
