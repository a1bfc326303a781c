package io.noveltylens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.noveltylens.core.NoveltyException;
import io.noveltylens.core.Progress;
import io.noveltylens.solr.SolrSecurity;

/**
 * Where the command line takes a SolrCloud password from: the environment or an owner-only file, never an option; a
 * file others can read is refused before it is read, and no message repeats what a file or variable holds.
 */
class SolrSecretsTest {

    private static final String PASSWORD = "correct horse battery staple";

    @TempDir
    Path dir;

    @Test
    void theFirstLineOfAnOwnerOnlyFileIsThePassword() throws Exception {
        Path file = secretFile(PASSWORD + "\r\nsecond line\n", "rw-------");
        SolrSecurity security = SolrSecrets.security(Map.of(), "reader", file, null);
        assertEquals("reader", security.user());
        assertEquals(PASSWORD, security.password());
        assertNull(security.trustStore());
    }

    @Test
    void thePasswordComesFromTheEnvironmentAndTheTrustStorePasswordToo() throws Exception {
        SolrSecurity security = SolrSecrets.security(Map.of(SolrSecrets.PASSWORD_VARIABLE, PASSWORD,
                SolrSecrets.TRUST_STORE_PASSWORD_VARIABLE, "store"), "filler", null, Path.of("trust.p12"));
        assertEquals(PASSWORD, security.password());
        assertEquals("store", security.trustStorePassword());
        assertEquals(Path.of("trust.p12"), security.trustStore());
    }

    /** Group or world access (read or write) refuses the file, naming the permissions and the fix, not the content. */
    @ParameterizedTest
    @ValueSource(strings = { "rw-r-----", "rw----r--", "rw--w----", "rw-rw-rw-" })
    void aFileOthersCanReadOrChangeIsRefused(String permissions) throws Exception {
        Path file = secretFile(PASSWORD, permissions);
        String message = refusal(Map.of(), "reader", file);
        assertTrue(message.contains("(permissions " + permissions + ")"), message);
        assertTrue(message.contains("chmod 600 " + file), message);
        assertFalse(message.contains(PASSWORD), message);
    }

    @Test
    void aUserWithoutAPasswordOrAPasswordWithoutAUserIsRefused() throws Exception {
        assertTrue(refusal(Map.of(), "reader", null).contains("set the environment variable NOVELTY_SOLR_PASSWORD "
                + "or give --solr-password-file FILE"));
        Path file = secretFile(PASSWORD, "rw-------");
        assertTrue(refusal(Map.of(), null, file).contains("--solr-password-file needs --solr-user NAME"));
        String both = refusal(Map.of(SolrSecrets.PASSWORD_VARIABLE, "other"), "reader", file);
        assertTrue(both.contains("keep one of them"), both);
        assertFalse(both.contains(PASSWORD) || both.contains("other"), both);
        // a variable set for other tools, without --solr-user, sends no credentials
        assertNull(SolrSecrets.security(Map.of(SolrSecrets.PASSWORD_VARIABLE, PASSWORD), null, null, null).user());
    }

    /** There is no option that takes a password: picocli refuses one as unknown. */
    @Test
    void noOptionTakesAPassword() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main
                .commandLine(new CliPaths(Path.of("model"), Path.of("index"), dir), InputStream.nullInputStream(),
                        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8), Progress.NONE)
                .execute("score", "--solr", "http://a:8983/solr", "--collection", "c", "--solr-user", "reader",
                        "--solr-password", PASSWORD, "A passage.");
        assertEquals(ExitCodes.USAGE, code);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("Unknown option: '--solr-password'"), err.toString());
    }

    private String refusal(Map<String, String> environment, String user, Path file) {
        NoveltyException e = assertThrows(NoveltyException.class,
                () -> SolrSecrets.security(environment, user, file, null));
        assertEquals(NoveltyException.Kind.BAD_INPUT, e.kind());
        return e.getMessage();
    }

    private Path secretFile(String text, String permissions) throws IOException {
        Path file = Files.writeString(dir.resolve("password"), text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
        return file;
    }
}
