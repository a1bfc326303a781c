package io.noveltylens.core.embed;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import java.util.Properties;

/**
 * What the embedder remembers in its cache folder between runs ({@link FileDigests}, {@link OrtNatives}): small
 * properties files keyed by file stamps. Remembering is never fatal: an entry that is missing, unreadable or damaged
 * reads as absent, and one that cannot be written only means the work is done again next time.
 */
final class CacheEntries {

    private CacheEntries() {
    }

    /** A file's size, modification time and file key (inode): what changes when the file is changed by any normal means. */
    static String stamp(Path file) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        return attributes.size() + "/" + attributes.lastModifiedTime().toInstant() + "/"
                + Objects.toString(attributes.fileKey(), "-");
    }

    /** The entry, or null when it is missing, a link, unreadable or damaged. */
    static Properties read(Path entry) {
        if (!Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(entry, StandardCharsets.UTF_8)) {
            properties.load(in);
            return properties;
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }

    /** Written to a temporary file and moved into place, so a reader never sees half an entry; best effort. */
    static void write(Path entry, Properties properties) {
        Path temporary = null;
        try {
            Files.createDirectories(entry.getParent());
            temporary = Files.createTempFile(entry.getParent(), entry.getFileName().toString(), ".tmp");
            try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                properties.store(out, null);
            }
            try {
                Files.move(temporary, entry, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, entry, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            // a read-only cache only means doing the work again next time
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException e) {
                    // a stray temporary file in our own cache folder is harmless
                }
            }
        }
    }
}
