package io.noveltylens.core.annotate;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

import io.noveltylens.core.export.ReportCsv;
import io.noveltylens.core.export.ReportJson;

/** The file formats an annotation run exports: JSON Lines (every readout, nested) and CSV (one flat row each). */
public enum AnnotationFormat {
    JSON_LINES(".jsonl", null, "\n"),
    CSV(".csv", ReportCsv.header(), ReportCsv.RECORD_END);

    private final String extension;
    private final String header;
    private final String recordEnd;

    AnnotationFormat(String extension, String header, String recordEnd) {
        this.extension = extension;
        this.header = header;
        this.recordEnd = recordEnd;
    }

    /** The format a file name asks for: {@code .jsonl} or {@code .csv}, any case. */
    public static Optional<AnnotationFormat> of(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        for (AnnotationFormat format : values()) {
            if (name.endsWith(format.extension)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }

    public String extension() {
        return extension;
    }

    /** The first record of a file, with its record end, or the empty string when the format has none. */
    String header() {
        return header == null ? "" : header + recordEnd;
    }

    /** One record, without {@link #recordEnd()}. */
    String record(AnnotatedPassage passage) {
        return this == CSV ? ReportCsv.row(passage.report(), passage.provenance())
                : ReportJson.line(passage.report(), passage.provenance());
    }

    String recordEnd() {
        return recordEnd;
    }
}
