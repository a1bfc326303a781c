package io.noveltylens.core.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Remembered digests are used only while the file's size, time and inode are those that were hashed. */
class FileDigestsTest {

    @TempDir
    Path dir;

    @Test
    void aRememberedDigestServesAnUnchangedFileAndAChangedFileIsHashedAgain() throws Exception {
        Path file = Files.writeString(dir.resolve("model.onnx"), "weights v1");
        FileDigests digests = new FileDigests(dir.resolve("cache"));
        assertEquals(sha256("weights v1"), digests.sha256(file));
        Path entry;
        try (var entries = Files.list(dir.resolve("cache/digests"))) {
            entry = entries.findFirst().orElseThrow();
        }
        // Forge the remembered digest: served as long as the file looks unchanged, which proves the file was not read.
        String forged = "f".repeat(64);
        Files.writeString(entry, Files.readString(entry).replace(sha256("weights v1"), forged));
        assertEquals(forged, digests.sha256(file));

        // Same size, new content and time: hashed again.
        Files.writeString(file, "weights v2");
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));
        assertEquals(sha256("weights v2"), digests.sha256(file));
        assertEquals(sha256("weights v2"), new FileDigests(dir.resolve("cache")).sha256(file));
    }

    @Test
    void aRememberedDigestIsServedWithoutReadingTheFile() throws Exception {
        Path file = Files.writeString(dir.resolve("model.onnx"), "weights");
        FileDigests first = new FileDigests(dir.resolve("cache"));
        first.sha256(file);
        assertEquals(1, first.hashed());
        assertEquals(0, first.remembered());

        // a new start: a new instance over the same cache folder
        FileDigests next = new FileDigests(dir.resolve("cache"));
        assertEquals(sha256("weights"), next.sha256(file));
        assertEquals(0, next.hashed());
        assertEquals(1, next.remembered());
    }

    @Test
    void aFileRewrittenWithItsSizeTimeAndInodeRestoredIsCaughtByHashingAgain() throws Exception {
        Path file = Files.writeString(dir.resolve("model.onnx"), "weights v1");
        new FileDigests(dir.resolve("cache")).sha256(file);
        String stamp = CacheEntries.stamp(file);
        FileTime time = Files.getLastModifiedTime(file);
        Files.writeString(file, "weights v2"); // in place: same inode, same size
        Files.setLastModifiedTime(file, time);
        assertEquals(stamp, CacheEntries.stamp(file), "the rewrite must look unchanged to the file stamp");

        FileDigests digests = new FileDigests(dir.resolve("cache"));
        assertEquals(sha256("weights v1"), digests.sha256(file), "the stamp alone cannot see the change");
        assertEquals(sha256("weights v2"), digests.rehash(file));
        // hashing again replaced the remembered digest: the next start remembers the file as it is
        FileDigests next = new FileDigests(dir.resolve("cache"));
        assertEquals(sha256("weights v2"), next.sha256(file));
        assertEquals(0, next.hashed());
        assertNotEquals(sha256("weights v1"), sha256("weights v2"));
    }

    @Test
    void aDamagedEntryIsIgnoredAndRebuilt() throws Exception {
        Path file = Files.writeString(dir.resolve("tokenizer.json"), "{}");
        new FileDigests(dir.resolve("cache")).sha256(file);
        try (var entries = Files.list(dir.resolve("cache/digests"))) {
            Files.writeString(entries.findFirst().orElseThrow(), "sha256=not a digest\nstamp=\\u12");
        }
        FileDigests damaged = new FileDigests(dir.resolve("cache"));
        assertEquals(sha256("{}"), damaged.sha256(file));
        assertEquals(1, damaged.hashed());
        // the entry was written again: the start after serves it without hashing
        FileDigests rebuilt = new FileDigests(dir.resolve("cache"));
        assertEquals(sha256("{}"), rebuilt.sha256(file));
        assertEquals(0, rebuilt.hashed());
    }

    @Test
    void withoutACacheFolderNothingIsWritten() throws Exception {
        Path file = Files.writeString(dir.resolve("a.bin"), "a");
        assertEquals(sha256("a"), new FileDigests(null).sha256(file));
        try (var entries = Files.list(dir)) {
            assertEquals(1, entries.count());
        }
    }

    private static String sha256(String content) throws Exception {
        return HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8)));
    }
}
