package io.noveltylens.ui.annotate;

import java.nio.file.Path;
import java.util.List;

import io.noveltylens.core.NoveltyException;
import io.noveltylens.core.annotate.AnnotatedPassage;
import io.noveltylens.core.annotate.AnnotationFile;
import io.noveltylens.core.annotate.AnnotationFormat;

/**
 * Exports the results table in core's formats (the CLI's {@code novelty annotate} writes the same files), replacing
 * the file only once it is complete.
 */
public final class ResultsExport {

    private ResultsExport() {
    }

    public static void write(List<AnnotatedPassage> results, Path file, AnnotationFormat format)
            throws NoveltyException {
        try (AnnotationFile out = AnnotationFile.create(file, format)) {
            for (AnnotatedPassage result : results) {
                out.accept(result);
            }
            out.commit();
        }
    }
}
