package io.noveltylens.core;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A file that appears under its name only when complete: written beside its target as a hidden
 * {@code .NAME.*.part} file, then renamed over the target in one step (atomically where the file system can). A run
 * that fails or is cancelled never leaves a half-written file under the name the user asked for, and an earlier file
 * of that name survives until then.
 */
public final class ReplacedFile {

    private ReplacedFile() {
    }

    /** A new empty temporary file in the target's folder, so that the final rename stays on one file system. */
    public static Path temporaryBeside(Path target) throws IOException {
        return Files.createTempFile(target.getParent(), "." + target.getFileName() + '.', ".part");
    }

    /** Renames {@code temporary} over {@code target}. */
    public static void moveOver(Path temporary, Path target) throws IOException {
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Writes {@code text} as UTF-8 to {@code target} whole or not at all. */
    public static void write(Path target, String text) throws IOException {
        Path temporary = temporaryBeside(target);
        try {
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            moveOver(temporary, target);
        } catch (IOException | RuntimeException e) {
            deleteQuietly(temporary);
            throw e;
        }
    }

    /** Deletes a temporary file after a failure, which is the one to report. */
    public static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // a stray hidden .part file is harmless; the failure that brought us here is the one to report
            }
        }
    }
}
