package io.noveltylens.core.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import io.noveltylens.core.Progress;
import io.noveltylens.core.analysis.NoveltyReport;
import io.noveltylens.core.analysis.RealCorpusEngine;
import io.noveltylens.core.corpus.Provenance;
import io.noveltylens.core.engine.NoveltyEngine;

class ReportCsvTest {

    private static final String AWKWARD_TEXT = "She said, \"Stay\".\nThen she left, quietly, through the \"garden\" door.";
    private static final Provenance AWKWARD_SOURCE = new Provenance("/data/letters, 1811/\"draft\".txt", 40, 112, 3);

    @Test
    void quotesFieldsWithCommasQuotesAndLineBreaks() throws Exception {
        NoveltyReport report = RealCorpusEngine.get().analyze(AWKWARD_TEXT, Progress.NONE);

        String csv = ReportCsv.header() + ReportCsv.RECORD_END + ReportCsv.row(report, AWKWARD_SOURCE)
                + ReportCsv.RECORD_END;
        List<List<String>> records = CsvRecords.parse(csv);

        assertEquals(2, records.size(), "header and one record, the line break inside the text quoted:\n" + csv);
        List<String> header = records.get(0);
        List<String> row = records.get(1);
        assertEquals(header.size(), row.size());
        assertEquals(AWKWARD_TEXT, row.get(header.indexOf("text")));
        assertEquals(AWKWARD_SOURCE.source(), row.get(header.indexOf("source.source")));
        assertEquals("3", row.get(header.indexOf("source.line")));
    }

    /** Every CSV column is the JSON export's value at the same dotted path, so both load into the same columns. */
    @Test
    void columnsAreTheJsonFieldPathsWithTheirValues() throws Exception {
        NoveltyEngine engine = RealCorpusEngine.get();
        NoveltyReport report = engine.withHull(engine.analyze(
                "It is a truth universally acknowledged, that a single man in possession of a good fortune, must be in want of a wife.",
                Progress.NONE), Progress.NONE);
        JsonObject json = ReportJson.object(report, AWKWARD_SOURCE);

        List<List<String>> records = CsvRecords.parse(ReportCsv.header() + ReportCsv.RECORD_END
                + ReportCsv.row(report, AWKWARD_SOURCE) + ReportCsv.RECORD_END);

        List<String> header = records.get(0);
        for (String column : List.of("matchLevel", "density.percentile", "density.meanDistance", "density.lof",
                "density.loop",
                "verbatim.coverage.5", "verbatim.coverage.12", "neighbours.1.cosine", "hull.verdict",
                "hull.depth.depth")) {
            assertTrue(header.contains(column), column + " in " + header);
        }
        for (int i = 0; i < header.size(); i++) {
            JsonElement expected = at(json, header.get(i));
            assertNotNull(expected, "column " + header.get(i) + " names a field of the JSON export");
            String value = records.get(1).get(i);
            if (expected.getAsJsonPrimitive().isNumber()) {
                assertEquals(expected.getAsDouble(), Double.parseDouble(value), 0.0, header.get(i));
            } else {
                assertEquals(expected.getAsString(), value, header.get(i));
            }
        }
    }

    @Test
    void hullColumnsAreEmptyWithoutTheHullReadouts() throws Exception {
        NoveltyReport report = RealCorpusEngine.get().analyze("The ferry timetable changes every spring.",
                Progress.NONE);
        List<List<String>> records = CsvRecords.parse(ReportCsv.header() + ReportCsv.RECORD_END
                + ReportCsv.row(report, null) + ReportCsv.RECORD_END);
        List<String> header = records.get(0);
        for (int i = 0; i < header.size(); i++) {
            boolean empty = records.get(1).get(i).isEmpty();
            boolean absent = header.get(i).startsWith("hull.") || header.get(i).startsWith("source.");
            assertEquals(absent, empty, header.get(i));
        }
        assertFalse(records.get(1).get(header.indexOf("density.percentile")).isEmpty());
    }

    /**
     * The JSON value at a dotted path. A number addresses an array by rank (1 = first), and a neighbour's
     * {@code source}/{@code line} are those of its first source, as the CSV documents.
     */
    private static JsonElement at(JsonObject json, String path) {
        JsonElement element = json;
        for (String segment : path.split("\\.")) {
            if (element.isJsonArray()) {
                element = element.getAsJsonArray().get(Integer.parseInt(segment) - 1);
            } else if (element.getAsJsonObject().has(segment)) {
                element = element.getAsJsonObject().get(segment);
            } else if (element.getAsJsonObject().has("sources")) {
                element = element.getAsJsonObject().getAsJsonArray("sources").get(0).getAsJsonObject().get(segment);
            } else {
                return null;
            }
        }
        return element;
    }
}
