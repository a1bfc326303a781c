import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Signs every artifact of a p2 repository with PGP, in the form p2 verifies since Eclipse 4.26: an armored detached
 * signature in the artifact's {@code pgp.signatures} property and the signer's armored public key in
 * {@code pgp.publicKeys}, on each artifact and on the repository (docs/release.md, Signing).
 * <p>
 * Tycho's {@code tycho-gpg-plugin} does this, but no 5.0.x release of it is on Maven Central, and the 5.0.0 and
 * 4.0.13 ones that are fail inside a Tycho 5.0.2 build (an API they call was removed). This program writes the same
 * properties; gpg makes the signatures, so the secret key never passes through Java.
 * <p>
 * Run with the JDK as a single-file program (no build step):
 * {@code java releng/SignP2Artifacts.java SITE_DIR KEY_FINGERPRINT}, with GNUPGHOME naming the keyring that holds
 * the secret key and SIGNING_PASSPHRASE its passphrase. Rewrites {@code artifacts.jar}; drops
 * {@code artifacts.xml.xz}, which would still list the unsigned artifacts, and tells p2 (p2.index) to read the jar.
 */
public class SignP2Artifacts {

    private static final String SIGNATURES = "pgp.signatures";
    private static final String PUBLIC_KEYS = "pgp.publicKeys";
    private static final Pattern RULE_CLASSIFIER = Pattern.compile("\\(classifier=([^)]+)\\)");

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: java SignP2Artifacts.java SITE_DIR KEY_FINGERPRINT"
                    + " (GNUPGHOME: the keyring with the secret key; SIGNING_PASSPHRASE: its passphrase)");
            System.exit(2);
        }
        Path site = Path.of(args[0]).toAbsolutePath();
        String fingerprint = args[1];
        String passphrase = System.getenv("SIGNING_PASSPHRASE");
        if (passphrase == null) {
            throw new IllegalStateException("SIGNING_PASSPHRASE is not set");
        }

        Document artifacts = parse(readArtifactsXml(site.resolve("artifacts.jar")));
        Map<String, String> layout = layout(artifacts);
        String publicKey = new String(gpg(List.of("--armor", "--export", fingerprint), null),
                StandardCharsets.US_ASCII);
        if (!publicKey.contains("BEGIN PGP PUBLIC KEY BLOCK")) {
            throw new IllegalStateException("no public key " + fingerprint + " in the keyring");
        }

        Element repository = artifacts.getDocumentElement();
        setProperty(child(repository, "properties"), PUBLIC_KEYS, publicKey);
        NodeList list = artifacts.getElementsByTagName("artifact");
        for (int i = 0; i < list.getLength(); i++) {
            Element artifact = (Element) list.item(i);
            Path file = artifactFile(site, layout, artifact);
            // every artifact is signed: a file the metadata names but the site lacks is a broken site, not a skip
            if (!Files.isRegularFile(file)) {
                throw new IllegalStateException("artifact " + describe(artifact) + " has no file " + file);
            }
            String signature = new String(gpg(List.of("--pinentry-mode", "loopback", "--passphrase-fd", "0",
                    "--local-user", fingerprint, "--digest-algo", "SHA256", "--armor", "--detach-sign",
                    "--output", "-", file.toString()), passphrase), StandardCharsets.US_ASCII);
            Element properties = child(artifact, "properties");
            // ours replaces whatever signature the artifact came with (docs/release.md, Signing)
            setProperty(properties, SIGNATURES, signature);
            setProperty(properties, PUBLIC_KEYS, publicKey);
        }

        writeArtifactsJar(site.resolve("artifacts.jar"), serialize(artifacts));
        Files.deleteIfExists(site.resolve("artifacts.xml.xz"));
        rewriteIndex(site.resolve("p2.index"));
        System.out.println("[sign] " + list.getLength() + " artifacts signed with PGP key " + fingerprint);
    }

    /** The file name pattern of each classifier, from the repository's own mapping rules. */
    private static Map<String, String> layout(Document artifacts) {
        Map<String, String> layout = new LinkedHashMap<>();
        NodeList rules = artifacts.getElementsByTagName("rule");
        for (int i = 0; i < rules.getLength(); i++) {
            Element rule = (Element) rules.item(i);
            Matcher classifier = RULE_CLASSIFIER.matcher(rule.getAttribute("filter"));
            if (classifier.find()) {
                layout.put(classifier.group(1), rule.getAttribute("output"));
            }
        }
        return layout;
    }

    private static Path artifactFile(Path site, Map<String, String> layout, Element artifact) {
        String pattern = layout.get(artifact.getAttribute("classifier"));
        if (pattern == null) {
            throw new IllegalStateException("no mapping rule for " + describe(artifact));
        }
        String relative = pattern.replace("${repoUrl}/", "")
                .replace("${id}", artifact.getAttribute("id"))
                .replace("${version}", artifact.getAttribute("version"));
        return site.resolve(relative);
    }

    private static String describe(Element artifact) {
        return artifact.getAttribute("classifier") + "," + artifact.getAttribute("id") + ","
                + artifact.getAttribute("version");
    }

    private static Element child(Element parent, String name) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(name)) {
                return element;
            }
        }
        Element created = parent.getOwnerDocument().createElement(name);
        parent.insertBefore(created, parent.getFirstChild());
        return created;
    }

    /** Sets or replaces a property, and keeps the list's {@code size} attribute, which p2 reads, in step. */
    private static void setProperty(Element properties, String name, String value) {
        NodeList existing = properties.getElementsByTagName("property");
        Element property = null;
        for (int i = 0; i < existing.getLength(); i++) {
            Element candidate = (Element) existing.item(i);
            if (candidate.getAttribute("name").equals(name)) {
                property = candidate;
            }
        }
        if (property == null) {
            property = properties.getOwnerDocument().createElement("property");
            property.setAttribute("name", name);
            properties.appendChild(property);
        }
        property.setAttribute("value", value);
        properties.setAttribute("size", Integer.toString(properties.getElementsByTagName("property").getLength()));
    }

    /** Runs gpg in batch mode on the keyring named by GNUPGHOME, with {@code input} on its standard input. */
    private static byte[] gpg(List<String> arguments, String input) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("gpg", "--batch", "--yes"));
        command.addAll(arguments);
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (OutputStream stdin = process.getOutputStream()) {
            if (input != null) {
                stdin.write((input + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        byte[] output = process.getInputStream().readAllBytes();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("gpg failed (exit " + process.exitValue() + "): " + command);
        }
        return output;
    }

    private static byte[] readArtifactsXml(Path jar) throws IOException {
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(jar))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null;) {
                if (entry.getName().equals("artifacts.xml")) {
                    return zip.readAllBytes();
                }
            }
        }
        throw new IllegalStateException("no artifacts.xml in " + jar);
    }

    private static void writeArtifactsJar(Path jar, byte[] xml) throws IOException {
        Path written = jar.resolveSibling(jar.getFileName() + ".new");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(written))) {
            zip.putNextEntry(new ZipEntry("artifacts.xml"));
            zip.write(xml);
            zip.closeEntry();
        }
        Files.move(written, jar, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    /** p2.index lists the metadata files p2 tries, in order: the artifacts are now in artifacts.jar only. */
    private static void rewriteIndex(Path index) throws IOException {
        String text = Files.readString(index, StandardCharsets.ISO_8859_1);
        String rewritten = text.replaceAll("(?m)^artifact\\.repository\\.factory\\.order=.*$",
                "artifact.repository.factory.order=artifacts.xml,\\\\!");
        Files.writeString(index, rewritten, StandardCharsets.ISO_8859_1);
    }

    private static Document parse(byte[] xml) throws Exception {
        try (InputStream in = new java.io.ByteArrayInputStream(xml)) {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
        }
    }

    private static byte[] serialize(Document document) throws Exception {
        var transformer = TransformerFactory.newInstance().newTransformer();
        transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        transformer.transform(new DOMSource(document), new StreamResult(out));
        return out.toByteArray();
    }
}
