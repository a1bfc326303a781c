package io.noveltylens.core.index;

import java.net.URI;
import java.nio.file.Path;

/**
 * How an index records where its passages came from. Sources under the folder that holds the index are stored
 * relative to that folder, so that an index can ship beside its corpus (as the default corpus bundle does) and still
 * point at its files wherever it is installed; other sources are stored absolute, or as the user declared them.
 */
public final class SourcePaths {

    private SourcePaths() {
    }

    /** The source as the index stores it. */
    static String record(Path indexRoot, String source) {
        Path base = indexRoot.toAbsolutePath().normalize().getParent();
        Path path = Path.of(source);
        if (base != null && path.isAbsolute() && path.startsWith(base)) {
            return base.relativize(path).toString().replace('\\', '/');
        }
        return source;
    }

    /** The file a stored source names, for an index in {@code indexRoot}. */
    public static Path resolve(Path indexRoot, String source) {
        if (source.startsWith("file:")) {
            return Path.of(URI.create(source));
        }
        Path path = Path.of(source);
        if (path.isAbsolute()) {
            return path;
        }
        Path base = indexRoot.toAbsolutePath().normalize().getParent();
        return base == null ? path : base.resolve(path).normalize();
    }
}
