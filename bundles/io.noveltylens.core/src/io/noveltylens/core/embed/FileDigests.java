package io.noveltylens.core.embed;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * SHA-256 of files, remembered in a cache folder by the file's size, modification time and file key (inode), so
 * that a 90 MB model is hashed once rather than on every start (0.3 s on 2 cores, a fifth of a command-line score).
 * Git's index trusts file metadata the same way: a file changed by any normal means gets a new modification time
 * and is hashed again; only a deliberate rewrite that restores size, time and inode would go unnoticed, and whoever
 * can do that can also change the cache. A missing, unreadable or damaged cache entry only costs a new hash.
 * <p>
 * Because a remembered digest trusts metadata, its users hash the file again in the background ({@link #rehash}) and
 * compare: a file rewritten in place with its size and time restored is then caught within a second of the start, and
 * its entry replaced, so the next start remembers the digest of the file as it is.
 */
final class FileDigests {

    private static final String FOLDER = "digests";

    private final Path folder;
    private final AtomicInteger hashed = new AtomicInteger();
    private final AtomicInteger remembered = new AtomicInteger();

    /** Remembers digests under {@code cacheDir}, or nowhere when it is null. */
    FileDigests(Path cacheDir) {
        this.folder = cacheDir == null ? null : cacheDir.resolve(FOLDER);
    }

    /** The hex SHA-256 of {@code file}'s content: remembered if its stamp is the one hashed, else hashed now. */
    String sha256(Path file) throws IOException {
        Path absolute = file.toAbsolutePath().normalize();
        Path entry = entry(absolute);
        String digest = entry == null ? null : remembered(entry, CacheEntries.stamp(absolute));
        if (digest != null) {
            remembered.incrementAndGet();
            return digest;
        }
        return rehash(absolute);
    }

    /** The hex SHA-256 of {@code file}'s content, hashed now whatever is remembered, and remembered for next time. */
    String rehash(Path file) throws IOException {
        Path absolute = file.toAbsolutePath().normalize();
        String stamp = CacheEntries.stamp(absolute);
        String computed = hashContent(absolute);
        hashed.incrementAndGet();
        Path entry = entry(absolute);
        if (entry != null && stamp.equals(CacheEntries.stamp(absolute))) {
            remember(entry, absolute, stamp, computed);
        }
        return computed;
    }

    /** How many files this instance has read to hash them. */
    int hashed() {
        return hashed.get();
    }

    /** How many digests this instance took from its cache folder instead of hashing. */
    int remembered() {
        return remembered.get();
    }

    private Path entry(Path absolute) {
        return folder == null ? null
                : folder.resolve(hex(newDigest().digest(absolute.toString().getBytes(StandardCharsets.UTF_8))));
    }

    private static String remembered(Path entry, String stamp) {
        Properties properties = CacheEntries.read(entry);
        String sha256 = properties == null ? null : properties.getProperty("sha256");
        boolean valid = sha256 != null && stamp.equals(properties.getProperty("stamp"))
                && sha256.matches("[0-9a-f]{64}");
        return valid ? sha256 : null;
    }

    private static void remember(Path entry, Path file, String stamp, String sha256) {
        Properties properties = new Properties();
        properties.setProperty("file", file.toString());
        properties.setProperty("stamp", stamp);
        properties.setProperty("sha256", sha256);
        CacheEntries.write(entry, properties);
    }

    private static String hashContent(Path file) throws IOException {
        MessageDigest digest = newDigest();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        }
        return hex(digest.digest());
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
