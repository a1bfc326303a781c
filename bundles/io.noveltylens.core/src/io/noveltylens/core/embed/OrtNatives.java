package io.noveltylens.core.embed;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.CodeSource;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import ai.onnxruntime.OrtEnvironment;
import io.noveltylens.core.CoreText;
import io.noveltylens.core.NoveltyException;

/**
 * Unpacks ONNX Runtime's native libraries into the caller's cache folder and points ONNX Runtime at them, before its
 * first use in the JVM. Left alone, ONNX Runtime 1.28 copies them from its jar into a fresh
 * {@code java.io.tmpdir/onnxruntime-java*} folder on every start, a shared folder where another local user could have
 * planted a file; with {@code onnxruntime.native.path} set it loads them from that folder instead (it still creates,
 * and removes, an empty temporary folder: that is in its {@code OnnxRuntime.init}, out of our reach).
 * <p>
 * Extraction is safe against what may already be at the target: the bytes go to a new temporary file in the folder
 * and are atomically renamed over the target, which replaces a symbolic link there instead of writing through it; an
 * existing regular file is kept only when its size and SHA-256 match the library in the jar. The file names are fixed
 * and checked to resolve inside the folder. Only Linux x86-64 is handled (the platform we ship and test); elsewhere
 * ONNX Runtime keeps its own behaviour.
 * <p>
 * Comparing costs a quarter of a second (inflating and hashing 20 MB twice), so a verified extraction is remembered
 * next to the folder ({@link #VERIFIED}): the jar it came from and each copy's size, time and inode. A start that
 * finds all of them unchanged trusts the copies, as {@link FileDigests} trusts a model file; anything else, a new
 * ONNX Runtime jar included, is compared in full again.
 */
final class OrtNatives {

    static final String NATIVE_PATH = "onnxruntime.native.path";
    static final String FOLDER = "onnxruntime";
    /** Beside the folder, so that the folder holds nothing but the libraries. */
    static final String VERIFIED = "onnxruntime-verified.properties";
    private static final String RESOURCES = "/ai/onnxruntime/native/linux-x64/";
    /** Loaded in this order by ONNX Runtime: the runtime, then its JNI binding. */
    static final List<String> LIBRARIES = List.of("libonnxruntime.so", "libonnxruntime4j_jni.so");

    private OrtNatives() {
    }

    /** Does nothing when the property is already set: by an earlier call, or by the user. */
    static synchronized void install(Path cacheDir) throws NoveltyException {
        if (System.getProperty(NATIVE_PATH) != null || !isLinuxX64()) {
            return;
        }
        Path folder = cacheDir.resolve(FOLDER);
        try {
            System.setProperty(NATIVE_PATH, extract(folder).toString());
        } catch (IOException e) {
            throw new NoveltyException(NoveltyException.Kind.IO,
                    CoreText.bind(CoreText.OrtNatives_unpackFailed, folder, e), e);
        }
    }

    /**
     * Makes {@code folder} hold the libraries of the ONNX Runtime jar on the class path, byte for byte, and returns its
     * real path. A start with correct copies in place only reads: the jar's libraries and the copies, to compare them.
     */
    static Path extract(Path folder) throws IOException {
        Files.createDirectories(folder);
        Path inside = folder.toRealPath();
        Path verified = inside.resolveSibling(VERIFIED);
        String stamps = stamps(inside);
        Properties remembered = CacheEntries.read(verified);
        if (stamps != null && remembered != null && stamps.equals(remembered.getProperty("stamps"))) {
            return inside;
        }
        for (String library : LIBRARIES) {
            Path target = inside.resolve(library).normalize();
            if (!inside.equals(target.getParent())) {
                throw new IOException(library + " resolves outside " + inside);
            }
            extract(RESOURCES + library, target);
        }
        String verifiedStamps = stamps(inside);
        if (verifiedStamps != null) {
            Properties properties = new Properties();
            properties.setProperty("stamps", verifiedStamps);
            CacheEntries.write(verified, properties);
        }
        return inside;
    }

    /**
     * The jar ONNX Runtime comes from and each copy in {@code folder}, by name, size, time and inode; null when a copy
     * is missing or the jar cannot be told (then nothing is trusted). In the IDE the natives are in a fragment of the
     * Java classes' bundle (bundles/repackaged), which the same build makes with the same qualifier: a new fragment
     * comes with a new bundle.
     */
    private static String stamps(Path folder) throws IOException {
        CodeSource source = OrtEnvironment.class.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return null;
        }
        StringBuilder stamps = new StringBuilder(source.getLocation().toString());
        try {
            Path jar = Path.of(source.getLocation().toURI());
            stamps.append('|').append(CacheEntries.stamp(jar));
        } catch (URISyntaxException | IllegalArgumentException | FileSystemNotFoundException e) {
            return null;
        }
        for (String library : LIBRARIES) {
            Path copy = folder.resolve(library);
            if (!Files.isRegularFile(copy, LinkOption.NOFOLLOW_LINKS)) {
                return null;
            }
            stamps.append('|').append(library).append('=').append(CacheEntries.stamp(copy));
        }
        return stamps.toString();
    }

    private static void extract(String resource, Path target) throws IOException {
        Content expected;
        try (InputStream in = resource(resource)) {
            expected = Content.of(in, OutputStream.nullOutputStream());
        }
        if (Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS) && Files.size(target) == expected.size()) {
            try (InputStream in = Files.newInputStream(target, LinkOption.NOFOLLOW_LINKS)) {
                if (Content.of(in, OutputStream.nullOutputStream()).equals(expected)) {
                    return;
                }
            }
        }
        Path temporary = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
        try {
            Content written;
            try (InputStream in = resource(resource); OutputStream out = Files.newOutputStream(temporary)) {
                written = Content.of(in, out);
            }
            if (!written.equals(expected)) {
                throw new IOException(resource + " changed while it was unpacked");
            }
            // rename(2) replaces whatever name is at the target, a symbolic link included, never what it points to
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = OrtEnvironment.class.getResourceAsStream(name);
        if (in == null) {
            // on the CLI's class path the Maven Central jar holds them; in the IDE, the fragment of the IDE's platform
            throw new IOException("ONNX Runtime's class path has no " + name);
        }
        return in;
    }

    /** The size and SHA-256 of a stream's bytes. */
    private record Content(long size, String sha256) {

        static Content of(InputStream in, OutputStream copy) throws IOException {
            DigestInputStream digesting = new DigestInputStream(in, newSha256());
            long size = digesting.transferTo(copy);
            return new Content(size, HexFormat.of().formatHex(digesting.getMessageDigest().digest()));
        }
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    private static boolean isLinuxX64() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        return os.contains("linux") && (arch.equals("amd64") || arch.equals("x86_64"));
    }
}
