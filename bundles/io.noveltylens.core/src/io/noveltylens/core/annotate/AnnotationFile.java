package io.noveltylens.core.annotate;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import io.noveltylens.core.CoreText;
import io.noveltylens.core.NoveltyException;
import io.noveltylens.core.ReplacedFile;

/**
 * An export file written whole or not at all: records go to a hidden temporary file beside the target, and
 * {@link #commit()} renames it over the target in one step. A run that fails, is cancelled or is killed never leaves a
 * half-written file under the name the user asked for (a previous export there survives); closing without committing
 * deletes the temporary file (only {@code kill -9} can leave one, named {@code .NAME.*.part}).
 */
public final class AnnotationFile implements AnnotationSink, AutoCloseable {

    private final Path target;
    private final AnnotationFormat format;
    private final Path temporary;
    private final Writer out;
    private boolean committed;

    private AnnotationFile(Path target, AnnotationFormat format, Path temporary, Writer out) {
        this.target = target;
        this.format = format;
        this.temporary = temporary;
        this.out = out;
    }

    public static AnnotationFile create(Path target, AnnotationFormat format) throws NoveltyException {
        Path absolute = target.toAbsolutePath().normalize();
        Path dir = absolute.getParent();
        if (Files.isDirectory(absolute)) {
            throw new NoveltyException(NoveltyException.Kind.BAD_INPUT,
                    CoreText.bind(CoreText.AnnotationFile_isFolder, absolute, format.extension()));
        }
        if (dir == null || !Files.isDirectory(dir)) {
            throw new NoveltyException(NoveltyException.Kind.IO,
                    CoreText.bind(CoreText.AnnotationFile_noFolder, absolute, dir));
        }
        Path temporary = null;
        try {
            temporary = ReplacedFile.temporaryBeside(absolute);
            Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8);
            out.write(format.header());
            return new AnnotationFile(absolute, format, temporary, out);
        } catch (IOException e) {
            ReplacedFile.deleteQuietly(temporary);
            throw writeFailure(absolute, e);
        }
    }

    @Override
    public void accept(AnnotatedPassage passage) throws NoveltyException {
        write(format.record(passage));
    }

    /** Writes one record already in this file's format, adding the format's record end. */
    void write(String record) throws NoveltyException {
        try {
            out.write(record);
            out.write(format.recordEnd());
        } catch (IOException e) {
            throw writeFailure(target, e);
        }
    }

    /** Makes the file appear under its final name with everything written so far. */
    public void commit() throws NoveltyException {
        try {
            out.close();
            ReplacedFile.moveOver(temporary, target);
            committed = true;
        } catch (IOException e) {
            throw writeFailure(target, e);
        }
    }

    public Path target() {
        return target;
    }

    /** Without a {@link #commit()}, discards what was written; the target is left as it was. */
    @Override
    public void close() {
        if (!committed) {
            try {
                out.close();
            } catch (IOException e) {
                // the file is deleted next; a failure to flush it does not matter
            }
            ReplacedFile.deleteQuietly(temporary);
        }
    }

    private static NoveltyException writeFailure(Path target, IOException e) {
        return new NoveltyException(NoveltyException.Kind.IO,
                CoreText.bind(CoreText.AnnotationFile_writeFailed, target, e), e);
    }
}
