package io.noveltylens.test.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Copies of committed fixture folders, so that a test may change them (an index it rebuilds) without touching them. */
public final class Folders {

    private Folders() {
    }

    /** Copies the tree {@code from} into {@code to} (created), files and folders alike, and returns {@code to}. */
    public static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> tree = Files.walk(from)) {
            tree.forEach(source -> {
                Path target = to.resolve(from.relativize(source).toString());
                try {
                    if (Files.isDirectory(source)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(source, target);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return to;
    }
}
