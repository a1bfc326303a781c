package io.noveltylens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import io.noveltylens.core.NoveltyException;
import io.noveltylens.solr.SolrAddress;
import io.noveltylens.solr.SolrCollections;
import io.noveltylens.solr.SolrCorpusIndex;
import io.noveltylens.solr.SolrSecurity;
import io.noveltylens.test.support.SelfSignedCertificate;
import io.noveltylens.test.support.SolrSecurityJson;
import io.noveltylens.test.support.SolrTestCluster;
import io.noveltylens.test.support.TextLines;

/**
 * A secured SolrCloud as a team runs one: Solr's BasicAuth plugin with rule-based authorisation (a user that fills,
 * a user that may only query; security.json from {@link SolrSecurityJson}) and TLS only, with a certificate made for
 * this run. Two nodes, so that a query's fan-out to the other shard crosses TLS between nodes too. Everything goes
 * through the CLI, as a user types it; passwords reach it only through the environment or an owner-only file. The
 * last test reads everything the CLI printed and every exception message for any password.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SecureSolrCloudIT {

    private static final Path BUNDLES = Path.of("..").toAbsolutePath().normalize();
    private static final Path WORK = Path.of("target", "secure-solr-it").toAbsolutePath();
    private static final Path CORPUS = BUNDLES.resolve("io.noveltylens.core.tests/fixtures/wordnet-200.txt.gz");
    private static final String COLLECTION = "glosses";

    private final String fillerPassword = secret();
    private final String readerPassword = secret();
    private final String keyStorePassword = secret();
    /** Everything the CLI printed and every exception message, for the last test. */
    private final List<String> seen = new ArrayList<>();
    private SelfSignedCertificate certificate;
    private SolrTestCluster cluster;
    private String solrUrls;
    private Path readerPasswordFile;

    @BeforeAll
    void startASecuredCloud() throws Exception {
        SolrCloudIT.deleteRecursively(WORK);
        certificate = SelfSignedCertificate.create(WORK.resolve("tls"), "solr", keyStorePassword);
        cluster = SolrTestCluster.startSecured(2, WORK.resolve("cluster"),
                SolrSecurityJson.fillerAndReader(fillerPassword, readerPassword), certificate);
        solrUrls = String.join(",", cluster.solrUrls());
        assertTrue(solrUrls.startsWith("https://"), solrUrls);
        readerPasswordFile = WORK.resolve("reader-password");
        Files.writeString(readerPasswordFile, readerPassword + "\n");
        Files.setPosixFilePermissions(readerPasswordFile, PosixFilePermissions.fromString("rw-------"));
    }

    @AfterAll
    void stopTheCloud() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    /**
     * The filler creates and fills the collection (password from the environment), the reader queries it (password
     * from an owner-only file), both over TLS with the trust store: a corpus gloss scored against the corpus finds
     * itself first, with cosine 1.
     */
    @Test
    @Order(1)
    void theFillerFillsAndTheReaderQueriesOverTls() throws Exception {
        assertEquals(0, asFiller("solr", "create", "--shards", "2", "--replicas", "1").exitCode());
        CliProcess.Result filled = asFiller("index", "--corpus", CORPUS.toString());
        assertEquals(0, filled.exitCode(), filled.err());
        assertTrue(filled.out().contains("now served by " + COLLECTION + ".g2"), filled.out());

        String gloss = TextLines.read(CORPUS).get(17);
        CliProcess.Result score = asReader(Map.of(), "score", "--json", "--no-hull", gloss);
        assertEquals(0, score.exitCode(), score.err());
        JsonObject nearest = JsonParser.parseString(score.out()).getAsJsonObject().getAsJsonArray("neighbours").get(0)
                .getAsJsonObject();
        assertEquals(gloss, nearest.get("text").getAsString());
        assertEquals(1.0, nearest.get("cosine").getAsDouble(), 1e-5);
    }

    /** The reader may query but not fill: refused before anything changes, with who lacks what, and the fix. */
    @Test
    @Order(2)
    void theReaderCannotFill() throws Exception {
        CliProcess.Result refused = asReader(Map.of(), "index", "--corpus", CORPUS.toString());
        assertEquals(ExitCodes.of(NoveltyException.Kind.INDEX), refused.exitCode(), refused.err());
        assertTrue(refused.err().contains("the user 'reader' lacks the permission (HTTP 403"), refused.err());
        assertTrue(refused.err().contains("Use a user whose role may do this"), refused.err());
        CliProcess.Result info = asReader(Map.of(), "info");
        assertEquals(0, info.exitCode(), info.err());
        assertTrue(info.out().contains("Passages:    200 distinct"), info.out());
        assertTrue(info.out().contains("user 'reader' (password not shown)"), info.out());
    }

    /** A wrong password, no credentials at all, and a group-readable password file: each says what to fix. */
    @Test
    @Order(3)
    void wrongOrMissingCredentialsAreRefusedWithTheFix() throws Exception {
        CliProcess.Result wrong = run(Map.of(SolrSecrets.PASSWORD_VARIABLE, "not-" + readerPassword), "score",
                "--solr", solrUrls, "--collection", COLLECTION, "--solr-user", "reader", "--solr-trust-store",
                trustStore(), "A passage.");
        assertEquals(ExitCodes.of(NoveltyException.Kind.INDEX), wrong.exitCode(), wrong.err());
        assertTrue(wrong.err().contains("refused the user 'reader' (HTTP 401): wrong user name or password"),
                wrong.err());

        CliProcess.Result anonymous = run(Map.of(), "score", "--solr", solrUrls, "--collection", COLLECTION,
                "--solr-trust-store", trustStore(), "A passage.");
        assertEquals(ExitCodes.of(NoveltyException.Kind.INDEX), anonymous.exitCode(), anonymous.err());
        assertTrue(anonymous.err().contains("requires a user name and password (HTTP 401)"), anonymous.err());

        Files.setPosixFilePermissions(readerPasswordFile, PosixFilePermissions.fromString("rw-r-----"));
        try {
            CliProcess.Result shared = asReader(Map.of(), "score", "A passage.");
            assertEquals(ExitCodes.of(NoveltyException.Kind.BAD_INPUT), shared.exitCode(), shared.err());
            assertTrue(shared.err().contains("can be read or changed by other users (permissions rw-r-----)"),
                    shared.err());
            assertTrue(shared.err().contains("chmod 600 " + readerPasswordFile), shared.err());
        } finally {
            Files.setPosixFilePermissions(readerPasswordFile, PosixFilePermissions.fromString("rw-------"));
        }
    }

    /**
     * A certificate the client does not trust, from the Java runtime's authorities or from a trust store of another
     * certificate, stops the connection with what to give instead.
     */
    @Test
    @Order(4)
    void anUntrustedCertificateIsRefusedWithTheFix() throws Exception {
        SelfSignedCertificate other = SelfSignedCertificate.create(WORK.resolve("other-tls"), "other",
                keyStorePassword);
        for (List<String> trust : List.of(List.<String>of(),
                List.of("--solr-trust-store", other.trustStore().toString()))) {
            List<String> args = new ArrayList<>(List.of("score", "--solr", solrUrls, "--collection", COLLECTION,
                    "--solr-user", "reader", "--solr-password-file", readerPasswordFile.toString()));
            args.addAll(trust);
            args.add("A passage.");
            CliProcess.Result untrusted = run(Map.of(), args.toArray(String[]::new));
            assertEquals(ExitCodes.of(NoveltyException.Kind.INDEX), untrusted.exitCode(), untrusted.err());
            assertTrue(untrusted.err().contains("presented a TLS certificate that is not trusted here"),
                    untrusted.err());
            assertTrue(untrusted.err().contains("--solr-trust-store FILE"), untrusted.err());
        }
    }

    /**
     * No password, in any form a client could leak it (as given, or as the Base64 of "user:password" in the
     * Authorization header), appears in anything the CLI printed in this class, in the stack traces of the failures
     * of an in-process client, or in the trust store's description.
     */
    @Test
    @Order(5)
    void noSecretAppearsInOutputOrExceptions() throws Exception {
        SolrAddress address = SolrAddress.parse(solrUrls, null, COLLECTION);
        SolrSecurity wrong = new SolrSecurity("reader", "not-" + readerPassword, certificate.trustStore(),
                keyStorePassword);
        SolrSecurity forbidden = new SolrSecurity("reader", readerPassword, certificate.trustStore(),
                keyStorePassword);
        seen.add(stackTrace(assertThrows(NoveltyException.class,
                () -> SolrCorpusIndex.open(address.withSecurity(wrong), null, 0))));
        seen.add(stackTrace(assertThrows(NoveltyException.class, () -> SolrCollections
                .create(SolrAddress.parse(solrUrls, null, "forbidden").withSecurity(forbidden), 384, 1, 1))));
        seen.add(address.withSecurity(forbidden).toString() + forbidden);
        assertTrue(seen.size() > 10, "outputs collected: " + seen.size());
        List<String> secrets = new ArrayList<>();
        for (String password : List.of(fillerPassword, readerPassword, "not-" + readerPassword, keyStorePassword)) {
            secrets.add(password);
            for (String user : List.of("filler", "reader")) {
                secrets.add(Base64.getEncoder()
                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
            }
        }
        for (String text : seen) {
            for (String secret : secrets) {
                assertFalse(text.contains(secret), "a secret in:\n" + text);
            }
        }
    }

    private CliProcess.Result asFiller(String... args) throws IOException, InterruptedException {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--solr", solrUrls, "--collection", COLLECTION, "--solr-user", "filler",
                "--solr-trust-store", trustStore()));
        return run(Map.of(SolrSecrets.PASSWORD_VARIABLE, fillerPassword), all.toArray(String[]::new));
    }

    /** As the reader, password from its file; the passage to score, if any, stays last. */
    private CliProcess.Result asReader(Map<String, String> environment, String... args)
            throws IOException, InterruptedException {
        List<String> all = new ArrayList<>(List.of(args[0]));
        all.addAll(List.of("--solr", solrUrls, "--collection", COLLECTION, "--solr-user", "reader",
                "--solr-password-file", readerPasswordFile.toString(), "--solr-trust-store", trustStore()));
        all.addAll(List.of(args).subList(1, args.length));
        return run(environment, all.toArray(String[]::new));
    }

    /** Runs the CLI with these variables and the trust store's password (PKCS12 stores from keytool need it). */
    private CliProcess.Result run(Map<String, String> environment, String... args)
            throws IOException, InterruptedException {
        Map<String, String> variables = new HashMap<>(environment);
        variables.putIfAbsent(SolrSecrets.TRUST_STORE_PASSWORD_VARIABLE, keyStorePassword);
        CliProcess.Result result = CliProcess.runWithEnvironment(WORK, variables, args);
        seen.add(result.out() + result.err());
        return result;
    }

    private String trustStore() {
        return certificate.trustStore().toString();
    }

    private static String stackTrace(Throwable failure) {
        StringWriter text = new StringWriter();
        failure.printStackTrace(new PrintWriter(text));
        return text.toString();
    }

    private static String secret() {
        byte[] bytes = new byte[12];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
