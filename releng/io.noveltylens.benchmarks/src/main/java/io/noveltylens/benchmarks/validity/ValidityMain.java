package io.noveltylens.benchmarks.validity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The validity benchmark of issue 14, in two steps around the CLI's own index and score commands (releng/validity.sh
 * runs all of it):
 * <pre>
 *   sets   --repo DIR --work DIR                   the reference corpus (WORK/corpus) and the units (WORK/units.tsv,
 *                                                 and WORK/units.txt, one text a line, for novelty score -)
 *   report --work DIR --out FILE [--about TEXT]... the tables from WORK/units.tsv and WORK/scores.jsonl, to stdout
 *                                                 and FILE; each --about becomes a line of the header
 *   levels --repo DIR --work DIR [--model DIR]    the match levels' thresholds from the reference corpus
 *                                                 (MatchLevelReference), to stdout and WORK/match-levels-reference.md;
 *                                                 with the model the index was built with (the shipped one if none)
 * </pre>
 */
public final class ValidityMain {

    private static final String SHIPPED_MODEL = "bundles/io.noveltylens.model.minilm/models/all-minilm-l6-v2";

    private ValidityMain() {
    }

    public static void main(String[] args) throws Exception {
        List<String> arguments = List.of(args);
        if (arguments.isEmpty()) {
            throw new IllegalArgumentException("usage: sets --repo DIR --work DIR | report --work DIR --out FILE");
        }
        Path work = Path.of(option(arguments, "--work"));
        switch (arguments.get(0)) {
            case "sets" -> sets(Path.of(option(arguments, "--repo")), work);
            case "levels" -> {
                Path repository = Path.of(option(arguments, "--repo"));
                List<String> model = options(arguments, "--model");
                Path modelDir = model.isEmpty() ? repository.resolve(SHIPPED_MODEL) : Path.of(model.get(0));
                System.out.print(MatchLevelReference.measure(modelDir, work));
            }
            case "report" -> report(work, Path.of(option(arguments, "--out")), options(arguments, "--about"));
            default -> throw new IllegalArgumentException("unknown step " + arguments.get(0));
        }
    }

    private static void sets(Path repository, Path work) throws IOException {
        ValiditySets sets = ValiditySets.fromRepository(repository);
        sets.writeReferenceCorpus(work.resolve("corpus"));
        List<Unit> units = sets.units();
        Files.write(work.resolve("units.tsv"), units.stream().map(Unit::tsv).toList(), StandardCharsets.UTF_8);
        Files.write(work.resolve("units.txt"), units.stream().map(Unit::text).toList(), StandardCharsets.UTF_8);
        System.out.printf("[validity] %d units in %s%n", units.size(), work.resolve("units.tsv"));
    }

    private static void report(Path work, Path out, List<String> about) throws IOException {
        List<Unit> units = Files.readAllLines(work.resolve("units.tsv"), StandardCharsets.UTF_8).stream()
                .map(Unit::ofTsv).toList();
        List<String> lines = Files.readAllLines(work.resolve("scores.jsonl"), StandardCharsets.UTF_8);
        if (lines.size() != units.size()) {
            throw new IllegalStateException(lines.size() + " reports for " + units.size() + " units");
        }
        List<Scored> scored = new ArrayList<>();
        for (int i = 0; i < units.size(); i++) {
            JsonObject report = JsonParser.parseString(lines.get(i)).getAsJsonObject();
            // the CLI answers line by line in order; a different text means the two files are out of step
            if (!units.get(i).text().equals(report.get("text").getAsString())) {
                throw new IllegalStateException("report " + (i + 1) + " is not about unit " + units.get(i).origin());
            }
            scored.add(new Scored(units.get(i), report));
        }
        String markdown = ValidityReport.markdown(about, scored, Readout.all()) + MatchLevelTable.markdown(scored);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, markdown, StandardCharsets.UTF_8);
        System.out.print(markdown);
        System.out.println("[validity] written to " + out);
    }

    private static String option(List<String> arguments, String name) {
        List<String> values = options(arguments, name);
        if (values.size() != 1) {
            throw new IllegalArgumentException("give " + name + " once");
        }
        return values.get(0);
    }

    private static List<String> options(List<String> arguments, String name) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i + 1 < arguments.size(); i++) {
            if (arguments.get(i).equals(name)) {
                values.add(arguments.get(i + 1));
            }
        }
        return values;
    }
}
