package io.noveltylens.core.annotate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import io.noveltylens.core.Progress;
import io.noveltylens.core.analysis.RealCorpusEngine;
import io.noveltylens.core.export.RecordCsv;
import io.noveltylens.core.export.ReportCsv;
import io.noveltylens.core.export.ReportJson;

/**
 * A run read back from its results file shows and exports what the reports themselves would. Oracles: the row made
 * from the report, and {@link ReportCsv}'s row of the report.
 */
class ResultRowTest {

    @Test
    void aRecordReadBackGivesTheReportsRowAndCsv(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a.txt"), String.join("\n\n", RealCorpusEngine.austen(2))
                + "\n\nOur lab's centrifuge hums in B-flat, which the interns, somehow, find \"soothing\".\n");
        List<AnnotatedPassage> passages = new ArrayList<>();
        new CorpusAnnotator(RealCorpusEngine.get(), false).annotate(List.of(dir), Progress.NONE, passages::add);
        new CorpusAnnotator(RealCorpusEngine.get(), true).annotate(List.of(dir), Progress.NONE, passages::add);
        assertEquals(6, passages.size());
        assertNotNull(passages.get(5).report().hull());

        for (AnnotatedPassage passage : passages) {
            JsonObject record = JsonParser
                    .parseString(ReportJson.line(passage.report(), passage.provenance())).getAsJsonObject();
            assertEquals(ResultRow.of(passage), ResultRow.of(record));
            assertEquals(ReportCsv.row(passage.report(), passage.provenance()), RecordCsv.row(record));
        }
    }

    @Test
    void theExportOfAResultsFileIsTheExportOfItsReports(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a.txt"), String.join("\n\n", RealCorpusEngine.austen(3)) + "\n");
        List<AnnotatedPassage> passages = new ArrayList<>();
        Path results = dir.resolve("run.jsonl");
        try (ResultsFile file = ResultsFile.create(results, ResultsHeader.of(RealCorpusEngine.get(), false,
                io.noveltylens.core.exclude.Exclusions.NONE))) {
            new CorpusAnnotator(RealCorpusEngine.get(), false).annotate(List.of(dir), Progress.NONE, passage -> {
                passages.add(passage);
                file.accept(passage);
            });
        }
        for (AnnotationFormat format : AnnotationFormat.values()) {
            Path fromReports = dir.resolve("reports" + format.extension());
            try (AnnotationFile out = AnnotationFile.create(fromReports, format)) {
                for (AnnotatedPassage passage : passages) {
                    out.accept(passage);
                }
                out.commit();
            }
            Path fromFile = dir.resolve("file" + format.extension());

            ResultsFile.export(results, fromFile, format);

            assertEquals(Files.readString(fromReports), Files.readString(fromFile), format.name());
        }
    }
}
