package io.noveltylens.benchmarks;

import java.util.ArrayList;
import java.util.List;

/** The results of a run as Markdown: one row per figure, with its reference, the ratio and the target if any. */
final class ResultTable {

    /** Whether a row's figure meets its target; INFO rows have none. */
    enum Status {
        MET, MISSED, INFO;

        static Status of(boolean met) {
            return met ? MET : MISSED;
        }
    }

    private record Row(String area, String measure, String ours, String reference, String ratio, String target,
            Status status) {
    }

    private final List<Row> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final List<String> growth = new ArrayList<>();

    void add(String area, String measure, String ours, String reference, String ratio, String target, Status status) {
        rows.add(new Row(area, measure, ours, reference, ratio, target, status));
        System.out.printf("[bench] %s | %s | %s | %s | %s | %s | %s%n", area, measure, ours, reference, ratio, target,
                status);
    }

    void note(String text) {
        notes.add(text);
        System.out.println("[bench] note: " + text);
    }

    /** A row of the corpus-size table, cells already formatted, in {@link #GROWTH_HEADER}'s order. */
    void growthRow(String... cells) {
        String row = "| " + String.join(" | ", cells) + " |";
        growth.add(row);
        System.out.println("[bench] growth " + row);
    }

    static final String GROWTH_HEADER = "| N (vectors) | source | index build without embedding | embedding at the measured "
            + "fp32 passage rate | HNSW top-10 p50 / p99 | recall@10 | exact brute force p50 | Frank-Wolfe full-dim p50 "
            + "| depth sweep p50 (product) | vectors in heap |\n|---|---|---|---|---|---|---|---|---|---|";

    String markdown(String header) {
        StringBuilder out = new StringBuilder(header).append("\n\n");
        out.append("| area | measure | ours | reference (same run) | ratio | target | status |\n");
        out.append("|---|---|---|---|---|---|---|\n");
        for (Row row : rows) {
            out.append("| ").append(String.join(" | ", row.area(), row.measure(), row.ours(), row.reference(),
                    row.ratio(), row.target(), row.status().name())).append(" |\n");
        }
        if (!growth.isEmpty()) {
            out.append("\n### How costs grow with corpus size\n\n").append(GROWTH_HEADER).append('\n');
            growth.forEach(row -> out.append(row).append('\n'));
        }
        if (!notes.isEmpty()) {
            out.append("\n### Notes from the run\n\n");
            notes.forEach(note -> out.append("- ").append(note).append('\n'));
        }
        return out.toString();
    }
}
