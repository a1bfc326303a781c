package io.noveltylens.test.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * The lines of a UTF-8 text file, gunzipped first when its name ends in ".gz": the tests' real-text fixtures and the
 * shipped corpus files hold one passage a line.
 */
public final class TextLines {

    private TextLines() {
    }

    public static List<String> read(Path file) throws IOException {
        try (InputStream raw = Files.newInputStream(file);
                InputStream in = file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines().toList();
        }
    }
}
