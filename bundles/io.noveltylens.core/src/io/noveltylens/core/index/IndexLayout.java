package io.noveltylens.core.index;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * The folder of a corpus index. Each build writes a complete generation into a {@code gen-N.tmp} folder, renames it to
 * {@code gen-N} and then atomically replaces the one-line {@code CURRENT} file that names the generation readers open.
 * A build that fails, is cancelled or is killed leaves {@code CURRENT} naming the previous, complete generation;
 * leftover {@code .tmp} folders are removed by the next build. The embedding cache lives beside the generations, and
 * so does {@code reading.tmp}, where a build keeps the corpus's distinct texts while it runs.
 */
final class IndexLayout {

    static final String CURRENT = "CURRENT";
    private static final String WRITE_LOCK = "write.lock";
    private static final String GENERATION_PREFIX = "gen-";
    private static final String TEMPORARY_SUFFIX = ".tmp";
    private static final String READING = "reading" + TEMPORARY_SUFFIX;

    private final Path root;

    IndexLayout(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    Path root() {
        return root;
    }

    /** The generation readers should open, if a build ever completed here. */
    Optional<Path> currentGeneration() throws IOException {
        Path pointer = root.resolve(CURRENT);
        if (!Files.isRegularFile(pointer)) {
            return Optional.empty();
        }
        String name = Files.readString(pointer, StandardCharsets.UTF_8).strip();
        if (!name.startsWith(GENERATION_PREFIX) || name.contains("/") || name.contains("\\")) {
            throw new IOException("CURRENT names an invalid generation: " + name);
        }
        return Optional.of(root.resolve(name));
    }

    /** Creates the folder a new generation is written into, after removing what interrupted builds left. */
    Path createTemporaryGeneration() throws IOException {
        Files.createDirectories(root);
        removeTemporaryGenerations();
        long number = System.currentTimeMillis();
        Path dir;
        while (Files.exists(dir = root.resolve(GENERATION_PREFIX + number)) || Files.exists(temporary(dir))) {
            number++;
        }
        return Files.createDirectory(temporary(dir));
    }

    /**
     * Creates the scratch folder a build reads the corpus's texts into, empty (a killed build may have left one). Under
     * the write lock, so that it is this build's own.
     */
    Path createReadingFolder() throws IOException {
        Path reading = root.resolve(READING);
        deleteRecursively(reading);
        return Files.createDirectories(reading);
    }

    /** Makes a complete temporary generation the current one, then deletes the generations it replaces. */
    void publish(Path temporaryGeneration) throws IOException {
        String name = temporaryGeneration.getFileName().toString();
        Path generation = root.resolve(name.substring(0, name.length() - TEMPORARY_SUFFIX.length()));
        Files.move(temporaryGeneration, generation, StandardCopyOption.ATOMIC_MOVE);
        Path pointer = root.resolve(CURRENT + TEMPORARY_SUFFIX);
        Files.writeString(pointer, generation.getFileName() + "\n", StandardCharsets.UTF_8);
        try (FileChannel channel = FileChannel.open(pointer, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        try {
            Files.move(pointer, root.resolve(CURRENT), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("The file system of " + root + " cannot replace files atomically", e);
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(root, GENERATION_PREFIX + "*")) {
            for (Path old : entries) {
                if (!old.equals(generation) && !old.getFileName().toString().endsWith(TEMPORARY_SUFFIX)) {
                    // an IDE or CLI process may still have it open: on POSIX its files stay readable until closed
                    deleteRecursively(old);
                }
            }
        }
    }

    void removeTemporaryGenerations() throws IOException {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(root,
                GENERATION_PREFIX + "*" + TEMPORARY_SUFFIX)) {
            for (Path leftover : entries) {
                deleteRecursively(leftover);
            }
        }
    }

    /**
     * Takes the folder's write lock, so that two builds (two IDEs, an IDE and the CLI) never write one index at once.
     * The operating system releases it if the process dies, so a killed build never leaves the index locked.
     *
     * @return the locked channel (closing it releases the lock), or null when another build holds the lock
     */
    FileChannel lockForWriting() throws IOException {
        Files.createDirectories(root);
        FileChannel channel = FileChannel.open(root.resolve(WRITE_LOCK), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        try {
            if (channel.tryLock() != null) {
                return channel;
            }
        } catch (OverlappingFileLockException e) {
            // held by another build in this JVM
        }
        channel.close();
        return null;
    }

    Path embeddingCache(String modelSha256) {
        return root.resolve("embeddings-" + modelSha256.substring(0, 16) + ".cache");
    }

    /** The embeddings of the calibration's reference units, apart from the passages': other texts, other keys. */
    Path calibrationCache(String modelSha256) {
        return root.resolve("calibration-" + modelSha256.substring(0, 16) + ".cache");
    }

    private static Path temporary(Path generation) {
        return generation.resolveSibling(generation.getFileName() + TEMPORARY_SUFFIX);
    }

    static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (Files.isDirectory(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(path)) {
                for (Path entry : entries) {
                    deleteRecursively(entry);
                }
            }
        }
        Files.deleteIfExists(path);
    }
}
