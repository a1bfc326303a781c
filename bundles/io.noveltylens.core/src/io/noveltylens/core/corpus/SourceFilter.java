package io.noveltylens.core.corpus;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.Arrays;
import java.util.List;

/**
 * Which files inside a corpus folder belong to the corpus: glob patterns (java.nio syntax) matched against a file's
 * name and against its path relative to the folder given, e.g. {@code *.md} or {@code drafts/**}. No include pattern
 * means every supported file; excludes win over includes. Files given by name are always read.
 */
public record SourceFilter(List<String> include, List<String> exclude) {

    public static final SourceFilter ALL = new SourceFilter(List.of(), List.of());

    public SourceFilter {
        include = List.copyOf(include);
        exclude = List.copyOf(exclude);
    }

    /** Patterns as a user types them: separated by commas or white space. */
    public static SourceFilter parse(String include, String exclude) {
        return new SourceFilter(patterns(include), patterns(exclude));
    }

    private static List<String> patterns(String text) {
        return text == null ? List.of()
                : Arrays.stream(text.split("[,\\s]+")).map(String::strip).filter(p -> !p.isEmpty()).toList();
    }

    /** Whether {@code file}, found under the folder {@code root}, is part of the corpus. */
    public boolean accepts(Path root, Path file) {
        Path relative = root.relativize(file);
        return (include.isEmpty() || matchesAny(include, relative)) && !matchesAny(exclude, relative);
    }

    private static boolean matchesAny(List<String> patterns, Path relative) {
        for (String pattern : patterns) {
            PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
            if (matcher.matches(relative) || matcher.matches(relative.getFileName())) {
                return true;
            }
        }
        return false;
    }
}
