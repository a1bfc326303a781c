package io.noveltylens.core.corpus;

import java.util.Locale;
import java.util.Optional;

/** How a file is read, decided from its name ({@code .gz} is looked through). */
enum SourceFormat {
    /** Prose: paragraphs, or one passage per line when the file has no blank line (see {@link CorpusReader}). */
    TEXT,
    /** Markup whose tags are blanked out (offsets are kept), then read as {@link #TEXT}. */
    HTML,
    /** One JSON object per line: {"id", "text", "source"}. */
    JSONL;

    static Optional<SourceFormat> of(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".gz")) {
            name = name.substring(0, name.length() - 3);
        }
        String extension = name.substring(name.lastIndexOf('.') + 1);
        return switch (extension) {
            case "txt", "text", "md", "markdown", "tex", "rst", "org" -> Optional.of(TEXT);
            case "html", "htm", "xhtml" -> Optional.of(HTML);
            case "jsonl" -> Optional.of(JSONL);
            default -> Optional.empty();
        };
    }

    static boolean isGzip(String fileName) {
        return fileName.toLowerCase(Locale.ROOT).endsWith(".gz");
    }
}
