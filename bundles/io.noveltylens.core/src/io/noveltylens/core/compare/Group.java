package io.noveltylens.core.compare;

import java.nio.file.Path;
import java.util.List;

/** A named set of files and folders whose passages are scored together: "model outputs", "human essays". */
public record Group(String name, List<Path> roots) {

    public Group {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a group needs a name");
        }
        roots = List.copyOf(roots);
    }

    /** The name as a file name: letters, digits, '-' and '_' kept, every other run of characters one '_'. */
    public String fileStem() {
        return name.strip().replaceAll("[^\\p{L}\\p{N}_-]+", "_");
    }
}
