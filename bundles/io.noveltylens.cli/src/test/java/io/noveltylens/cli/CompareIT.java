package io.noveltylens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xml.sax.InputSource;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import io.noveltylens.test.support.RankStatistics;

/**
 * {@code novelty compare} on two groups built from the shared corpora (src/test/resources/groups: Huckleberry Finn,
 * whose author and characters the default corpus holds through Tom Sawyer, against WordNet glosses, a genre it does
 * not hold), against the shipped default corpus. The statistics it prints are recomputed from the passages' readouts
 * it exported, by brute force; the plots are parsed; the report is checked for its parts.
 */
class CompareIT {

    private static final Path HERE = Path.of(".").toAbsolutePath();
    private static final Path GROUPS = HERE.resolve("src/test/resources/groups");
    private static final int PASSAGES = 10;
    private static final String[] FIELDS = { "density.percentile", "hull.percentile", "hull.depth.percentile" };

    @Test
    void comparesTwoGroupsWithStatisticsPlotsAndAReport(@TempDir Path dir) throws Exception {
        Path huck = firstPassages(GROUPS.resolve("huckfinn.txt"), dir.resolve("huck"));
        Path wordnet = firstPassages(GROUPS.resolve("wordnet.txt"), dir.resolve("glosses"));
        Path out = dir.resolve("out");
        Path plots = dir.resolve("plots");

        CliProcess.Result result = CliProcess.run(HERE, null, "compare", "--group", "Huck Finn=" + huck, "--group",
                "wordnet=" + wordnet, "--out", out.toString(), "--plots", plots.toString(), "--budget-ms", "300",
                "--bootstrap", "500", "--seed", "3");

        assertEquals(0, result.exitCode(), result.err());
        List<JsonObject> first = records(out.resolve("Huck_Finn.jsonl"));
        List<JsonObject> second = records(out.resolve("wordnet.jsonl"));
        assertEquals(PASSAGES, first.size());
        assertEquals(PASSAGES, second.size());
        for (String field : FIELDS) {
            double[] a = values(first, field);
            double[] b = values(second, field);
            Matcher line = Pattern.compile("wordnet vs Huck Finn, " + Pattern.quote(field)
                    + ": median ([-+]\\d+\\.\\d) \\[[^]]*\\], AUROC (\\d\\.\\d{3}) ").matcher(result.out());
            assertTrue(line.find(), field + " in\n" + result.out());
            assertEquals(format("%+.1f", RankStatistics.quantileType7(b, 0.5) - RankStatistics.quantileType7(a, 0.5)),
                    line.group(1), field);
            assertEquals(format("%.3f", RankStatistics.bruteForceAuroc(a, b)), line.group(2), field);
        }
        for (int d : new int[] { 1, 8, 16 }) {
            assertTrue(result.out().contains(format("d=%d %.0f%%", d, 100 * insideShare(second, d))),
                    "wordnet inside at d = " + d + ":\n" + result.out());
        }

        for (String stem : List.of("distributions", "in-hull-share", "projection-map")) {
            String svg = Files.readString(plots.resolve(stem + ".svg"), StandardCharsets.UTF_8);
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
            assertTrue(svg.contains(">Huck Finn<") && svg.contains(">wordnet<"), stem + " names both groups");
            BufferedImage png = ImageIO.read(plots.resolve(stem + ".png").toFile());
            assertEquals(900, png.getWidth(), stem);
        }

        String report = Files.readString(out.resolve("report.html"), StandardCharsets.UTF_8);
        assertEquals(3, report.split("<svg ", -1).length - 1, "three plots inline");
        assertTrue(report.contains("novelty compare --group 'Huck Finn="),
                "the command line");
        assertTrue(Pattern.compile("ONNX SHA-256 <code>[0-9a-f]{64}</code>").matcher(report).find(),
                "the model fingerprint");
        assertTrue(report.contains("austen.txt.gz"), "the corpus's sources");

        // a rerun with --resume after one gloss was deleted scores nothing again and says what it kept and dropped
        firstPassages(GROUPS.resolve("wordnet.txt"), wordnet, PASSAGES - 1);
        CliProcess.Result rerun = CliProcess.run(HERE, null, "compare", "--group", "Huck Finn=" + huck, "--group",
                "wordnet=" + wordnet, "--out", out.toString(), "--budget-ms", "300", "--bootstrap", "500", "--seed",
                "3", "--resume");
        assertEquals(0, rerun.exitCode(), rerun.err());
        assertTrue(rerun.out().contains(format("Resumed Huck Finn: %d of %d passages were already scored in %s.",
                PASSAGES, PASSAGES, out.resolve("Huck_Finn.results.jsonl"))), rerun.out());
        assertTrue(rerun.out().contains(format("Resumed wordnet: %d of %d passages were already scored in %s.",
                PASSAGES - 1, PASSAGES - 1, out.resolve("wordnet.results.jsonl"))), rerun.out());
        assertTrue(rerun.out().contains(format("wordnet: 1 records of passages edited, moved or deleted since the "
                + "earlier run were dropped from %s.", out.resolve("wordnet.results.jsonl"))), rerun.out());
        assertEquals(second.subList(0, PASSAGES - 1), records(out.resolve("wordnet.jsonl")));
    }

    /** The first PASSAGES paragraphs of a fixture, as one file of a folder of its own. */
    private static Path firstPassages(Path fixture, Path folder) throws Exception {
        return firstPassages(fixture, folder, PASSAGES);
    }

    private static Path firstPassages(Path fixture, Path folder, int count) throws Exception {
        List<String> paragraphs = Arrays.asList(Files.readString(fixture, StandardCharsets.UTF_8).split("\n\n"));
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("passages.txt"), String.join("\n\n", paragraphs.subList(0, count)) + "\n");
        return folder;
    }

    private static List<JsonObject> records(Path jsonl) throws Exception {
        List<JsonObject> records = new ArrayList<>();
        for (String line : Files.readAllLines(jsonl, StandardCharsets.UTF_8)) {
            records.add(JsonParser.parseString(line).getAsJsonObject());
        }
        return records;
    }

    /** A readout by its field path in the export. */
    private static double[] values(List<JsonObject> records, String field) {
        return records.stream().mapToDouble(record -> {
            JsonElement element = record;
            for (String part : field.split("\\.")) {
                element = element.getAsJsonObject().get(part);
            }
            return element.getAsDouble();
        }).toArray();
    }

    private static double insideShare(List<JsonObject> records, int dimension) {
        long inside = records.stream().filter(record -> {
            for (JsonElement point : record.getAsJsonObject("hull").getAsJsonObject("depth").getAsJsonArray("curve")) {
                if (point.getAsJsonObject().get("d").getAsInt() == dimension) {
                    return point.getAsJsonObject().get("verdict").getAsString().equals("INSIDE");
                }
            }
            return false;
        }).count();
        return inside / (double) records.size();
    }

    private static String format(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
