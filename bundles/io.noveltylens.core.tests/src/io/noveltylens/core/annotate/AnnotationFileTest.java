package io.noveltylens.core.annotate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.noveltylens.core.NoveltyException;
import io.noveltylens.core.Progress;
import io.noveltylens.core.analysis.RealCorpusEngine;
import io.noveltylens.core.corpus.Provenance;
import io.noveltylens.core.export.CsvRecords;

class AnnotationFileTest {

    @Test
    void theTargetChangesOnlyOnCommitAndNoTemporaryFileRemains(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("results.csv");
        Files.writeString(target, "previous export");
        AnnotatedPassage passage = new AnnotatedPassage(new Provenance("a.txt", 0, 10, 1),
                RealCorpusEngine.get().analyze("The ferry timetable changes every spring.", Progress.NONE));

        try (AnnotationFile out = AnnotationFile.create(target, AnnotationFormat.CSV)) {
            out.accept(passage);
            assertEquals("previous export", Files.readString(target), "untouched while writing");
        }
        assertEquals("previous export", Files.readString(target), "untouched by a run that did not commit");
        assertEquals(List.of(target), files(dir));

        try (AnnotationFile out = AnnotationFile.create(target, AnnotationFormat.CSV)) {
            out.accept(passage);
            out.accept(passage);
            out.commit();
        }
        assertEquals(3, CsvRecords.parse(Files.readString(target)).size(), "header and two records");
        assertEquals(List.of(target), files(dir));
    }

    @Test
    void formatFollowsTheFileNameAndAFolderIsRefused(@TempDir Path dir) {
        assertEquals(AnnotationFormat.CSV, AnnotationFormat.of(Path.of("out.CSV")).orElseThrow());
        assertEquals(AnnotationFormat.JSON_LINES, AnnotationFormat.of(Path.of("out.jsonl")).orElseThrow());
        assertEquals(true, AnnotationFormat.of(Path.of("out.txt")).isEmpty());
        NoveltyException folder = assertThrows(NoveltyException.class,
                () -> AnnotationFile.create(dir, AnnotationFormat.CSV));
        assertEquals(NoveltyException.Kind.BAD_INPUT, folder.kind());
        NoveltyException missing = assertThrows(NoveltyException.class,
                () -> AnnotationFile.create(dir.resolve("no/such/out.csv"), AnnotationFormat.CSV));
        assertEquals(NoveltyException.Kind.IO, missing.kind());
    }

    private static List<Path> files(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }
}
