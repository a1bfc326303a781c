package io.noveltylens.core.index;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import io.noveltylens.core.CoreText;
import io.noveltylens.core.NoveltyException;
import io.noveltylens.core.corpus.SourceDigest;

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

    /**
     * The files the index in {@code indexRoot} was built from, as {@code metadata} records them (not those it skipped),
     * to rebuild it from: refused with their names when any is gone, since a rebuild without them would silently drop
     * their passages.
     */
    public static List<Path> recorded(Path indexRoot, IndexMetadata metadata) throws NoveltyException {
        List<Path> files = metadata.sources().stream().map(SourceDigest::source).map(s -> resolve(indexRoot, s))
                .toList();
        List<Path> missing = files.stream().filter(file -> !Files.isRegularFile(file)).toList();
        if (!missing.isEmpty()) {
            throw new NoveltyException(NoveltyException.Kind.INDEX, CoreText.bind(CoreText.SourcePaths_missing,
                    indexRoot, missing.size(),
                    missing.stream().limit(3).map(Path::toString).collect(Collectors.joining(", "))
                            + (missing.size() > 3 ? ", ..." : "")));
        }
        return files;
    }
}
