package io.noveltylens.core.export;

import java.util.List;
import java.util.StringJoiner;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * A {@link ReportJson} record as the CSV row {@link ReportCsv} writes for the same report, for results kept as JSON
 * Lines (a long annotation run keeps its records on disk, not its reports). Each CSV column is its JSON field path,
 * with ReportCsv's two conventions: {@code neighbours.1.*} is the first neighbour with its first source, and
 * {@code hull.certified} holds when both the distance and the depth are certified. JSON numbers are written by Java's
 * {@code Double.toString}, as the CSV's, so the record's literal is the CSV field.
 */
public final class RecordCsv {

    private static final List<String> COLUMNS = List.of(ReportCsv.header().split(","));

    private RecordCsv() {
    }

    /** One CSV record, without {@link ReportCsv#RECORD_END}. */
    public static String row(JsonObject record) {
        StringJoiner row = new StringJoiner(",");
        for (String column : COLUMNS) {
            row.add(ReportCsv.field(value(record, column)));
        }
        return row.toString();
    }

    private static String value(JsonObject record, String column) {
        if (column.equals("hull.certified")) {
            JsonElement distance = ReportJson.field(record, "hull.certified");
            JsonElement depth = ReportJson.field(record, "hull.depth.certified");
            return distance == null ? null
                    : Boolean.toString(distance.getAsBoolean() && depth != null && depth.getAsBoolean());
        }
        JsonElement value = column.startsWith("neighbours.1.") ? nearest(record, column.substring(13))
                : ReportJson.field(record, column);
        return value == null || value.isJsonNull() ? null : value.getAsString();
    }

    private static JsonElement nearest(JsonObject record, String field) {
        JsonElement neighbours = record.get("neighbours");
        if (neighbours == null || neighbours.getAsJsonArray().isEmpty()) {
            return null;
        }
        JsonObject nearest = neighbours.getAsJsonArray().get(0).getAsJsonObject();
        if (nearest.has(field)) {
            return nearest.get(field);
        }
        JsonElement sources = nearest.get("sources");
        return sources == null || sources.getAsJsonArray().isEmpty() ? null
                : sources.getAsJsonArray().get(0).getAsJsonObject().get(field);
    }
}
