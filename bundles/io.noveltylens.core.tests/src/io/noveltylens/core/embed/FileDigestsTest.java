package io.noveltylens.core.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
    void aDamagedEntryOnlyCostsANewHash() throws Exception {
        Path file = Files.writeString(dir.resolve("tokenizer.json"), "{}");
        FileDigests digests = new FileDigests(dir.resolve("cache"));
        digests.sha256(file);
        try (var entries = Files.list(dir.resolve("cache/digests"))) {
            Files.writeString(entries.findFirst().orElseThrow(), "sha256=not a digest\nstamp=\\u12");
        }
        assertEquals(sha256("{}"), digests.sha256(file));
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
