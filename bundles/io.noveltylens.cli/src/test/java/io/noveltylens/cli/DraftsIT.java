package io.noveltylens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import io.noveltylens.test.support.DraftTexts;

/**
 * {@code novelty index --drafts} and {@code novelty score --drafts} on the packaged jar with the shipped model: the
 * store is updated incrementally (the command's own counts), and the drafts' neighbours in the JSON are the
 * brute-force ranking of cosines computed from {@code novelty embed}'s vectors, without the passage itself, while
 * the corpus readouts stay those of a run without drafts.
 */
class DraftsIT {

    private static final Path HERE = Path.of(".").toAbsolutePath();
    private static final List<String> PARAGRAPHS = DraftTexts.PARAGRAPHS;

    @TempDir
    Path temp;

    @Test
    void theStoreIsUpdatedIncrementallyAndItsNeighboursAreTheBruteForceOnes() throws Exception {
        Path drafts = Files.createDirectories(temp.resolve("drafts"));
        Path store = temp.resolve("store");
        for (int f = 0; f < 3; f++) {
            Files.writeString(drafts.resolve("chapter-" + f + ".md"),
                    PARAGRAPHS.get(2 * f) + "\n\n" + PARAGRAPHS.get(2 * f + 1) + "\n", StandardCharsets.UTF_8);
        }
        CliProcess.Result first = index(drafts, store);
        assertTrue(first.out().contains("3 file(s), 6 passages; read 3 changed file(s), embedded 6 passage(s)"),
                first.out());
        assertTrue(index(drafts, store).out().contains("read 0 changed file(s), embedded 0 passage(s)"));
        Files.writeString(drafts.resolve("chapter-1.md"), PARAGRAPHS.get(2) + "\n\nThe letter came late.\n");
        Files.delete(drafts.resolve("chapter-2.md"));
        CliProcess.Result changed = index(drafts, store);
        assertTrue(changed.out().contains("2 file(s), 4 passages; read 1 changed file(s), embedded 1 passage(s), "
                + "dropped 1 file(s)"), changed.out());

        List<String> stored = List.of(PARAGRAPHS.get(0), PARAGRAPHS.get(1), PARAGRAPHS.get(2),
                "The letter came late.");
        // the analysed passage is the first paragraph as it stands in the drafts: it is not its own neighbour
        String query = PARAGRAPHS.get(0);
        CliProcess.Result scored = CliProcess.run(HERE, null, "score", "--json", "--no-hull", "--drafts",
                store.toString(), query);
        assertEquals(0, scored.exitCode(), scored.err());
        JsonObject report = JsonParser.parseString(scored.out()).getAsJsonObject();
        JsonArray fromDrafts = report.getAsJsonArray("draftsNeighbours");

        double[] cosines = cosinesByEmbed(query, stored);
        List<Integer> expected = IntStream.range(1, stored.size()).boxed()
                .sorted(Comparator.comparingDouble(i -> -cosines[i])).toList(); // 0 is the passage itself
        assertEquals(expected.size(), fromDrafts.size(), fromDrafts.toString());
        for (int r = 0; r < expected.size(); r++) {
            JsonObject neighbour = fromDrafts.get(r).getAsJsonObject();
            assertEquals(stored.get(expected.get(r)), neighbour.get("text").getAsString());
            assertEquals(cosines[expected.get(r)], neighbour.get("cosine").getAsDouble(), 1e-4);
            JsonObject source = neighbour.getAsJsonArray("sources").get(0).getAsJsonObject();
            String file = Files.readString(Path.of(source.get("source").getAsString()));
            assertEquals(neighbour.get("text").getAsString(), file.substring(source.get("start").getAsInt(),
                    source.get("end").getAsInt()));
        }

        CliProcess.Result plain = CliProcess.run(HERE, null, "score", "--json", "--no-hull", query);
        JsonObject without = JsonParser.parseString(plain.out()).getAsJsonObject();
        assertEquals(without.get("neighbours"), report.get("neighbours"));
        assertEquals(without.get("density"), report.get("density"));
        assertEquals(null, without.get("draftsNeighbours"));

        CliProcess.Result text = CliProcess.run(HERE, null, "score", "--no-hull", "--drafts", store.toString(),
                DraftTexts.RETOLD.get(0));
        assertTrue(text.out().contains("Nearest passages of your drafts"), text.out());
        assertTrue(text.out().contains("chapter-0.md:1]"), text.out());
    }

    @Test
    void aStoreThatIsNotThereIsRefusedWithTheCommandThatMakesIt() throws Exception {
        Path missing = temp.resolve("no-store");
        CliProcess.Result result = CliProcess.run(HERE, null, "score", "--drafts", missing.toString(), "Some text.");
        assertNotEquals(0, result.exitCode());
        assertTrue(result.err().contains("novelty index --drafts DIR --store " + missing), result.err());
        assertTrue(Files.notExists(missing), "nothing created");
    }

    private static CliProcess.Result index(Path drafts, Path store) throws Exception {
        CliProcess.Result result = CliProcess.run(HERE, null, "index", "--drafts", drafts.toString(), "--store",
                store.toString());
        assertEquals(0, result.exitCode(), result.err());
        return result;
    }

    /** Cosines of the query's unit vector with each text's, from {@code novelty embed}: the brute-force oracle. */
    private static double[] cosinesByEmbed(String query, List<String> texts) throws Exception {
        List<String> all = new ArrayList<>(List.of(query));
        all.addAll(texts);
        CliProcess.Result embedded = CliProcess.run(HERE, String.join("\n", all) + "\n", "embed", "-");
        assertEquals(0, embedded.exitCode(), embedded.err());
        List<float[]> vectors = embedded.out().lines().map(line -> {
            JsonArray vector = JsonParser.parseString(line).getAsJsonObject().getAsJsonArray("vector");
            float[] v = new float[vector.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = vector.get(i).getAsFloat();
            }
            return v;
        }).toList();
        double[] cosines = new double[texts.size()];
        for (int t = 0; t < texts.size(); t++) {
            double dot = 0;
            for (int i = 0; i < vectors.get(0).length; i++) {
                dot += (double) vectors.get(0)[i] * vectors.get(t + 1)[i];
            }
            cosines[t] = dot;
        }
        return cosines;
    }
}
