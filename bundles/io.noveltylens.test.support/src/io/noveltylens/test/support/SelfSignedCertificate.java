package io.noveltylens.test.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A TLS certificate for 127.0.0.1, made for one test run with the JDK's keytool: a PKCS12 key store with the key
 * pair (for the test cluster's nodes) and a PKCS12 trust store with the certificate alone (for the clients). Passwords
 * reach keytool through the environment, never its command line.
 *
 * @param keyStore   the key pair and certificate
 * @param trustStore the certificate alone
 * @param password   both stores' password
 */
public record SelfSignedCertificate(Path keyStore, Path trustStore, String password) {

    private static final String PASSWORD_VARIABLE = "NOVELTY_TEST_KEYSTORE_PASSWORD";

    /** Makes a certificate for {@code CN=name}, valid for 127.0.0.1 and localhost, with its stores in {@code dir}. */
    public static SelfSignedCertificate create(Path dir, String name, String password)
            throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Path keyStore = dir.resolve(name + "-keystore.p12");
        Path trustStore = dir.resolve(name + "-truststore.p12");
        Path certificate = dir.resolve(name + ".pem");
        for (Path old : List.of(keyStore, trustStore, certificate)) {
            Files.deleteIfExists(old);
        }
        keytool(password, "-genkeypair", "-alias", name, "-keyalg", "EC", "-groupname", "secp256r1", "-dname",
                "CN=" + name, "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "7", "-storetype", "PKCS12",
                "-keystore", keyStore.toString(), "-storepass:env", PASSWORD_VARIABLE);
        keytool(password, "-exportcert", "-rfc", "-alias", name, "-keystore", keyStore.toString(), "-storepass:env",
                PASSWORD_VARIABLE, "-file", certificate.toString());
        keytool(password, "-importcert", "-noprompt", "-alias", name, "-file", certificate.toString(), "-storetype",
                "PKCS12", "-keystore", trustStore.toString(), "-storepass:env", PASSWORD_VARIABLE);
        return new SelfSignedCertificate(keyStore, trustStore, password);
    }

    private static void keytool(String password, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put(PASSWORD_VARIABLE, password);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("keytool " + args[0] + " failed: " + output);
        }
    }

    @Override
    public String toString() {
        return "certificate in " + keyStore;
    }
}
