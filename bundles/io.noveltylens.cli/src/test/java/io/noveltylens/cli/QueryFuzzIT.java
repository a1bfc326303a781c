package io.noveltylens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import io.noveltylens.core.NoveltyException;
import io.noveltylens.core.Progress;
import io.noveltylens.core.analysis.NoveltyReport;
import io.noveltylens.core.analysis.SentenceReadout;
import io.noveltylens.core.engine.EngineConfig;
import io.noveltylens.core.engine.NoveltyEngine;
import io.noveltylens.core.export.ReportJson;
import io.noveltylens.core.index.Neighbour;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The query path (embedding, search, density, verbatim overlap, sentence readouts, the JSON report) on any text a
 * selection can hold, against the shipped default corpus. Every text gives a report whose numbers agree with each
 * other (neighbours best first with cosines in [-1, 1], the mean distance of the density the mean of the neighbours'
 * distances, percentiles in [0, 100], sentences inside the text) and whose JSON parses back to the same text, or a
 * {@link NoveltyException.Kind#BAD_INPUT}; never another exception or a hang.
 */
class QueryFuzzIT {

    private static final Path BUNDLES = Path.of("..").toAbsolutePath().normalize();
    private static NoveltyEngine engine;

    @BeforeContainer
    static void openEngine() throws NoveltyException {
        engine = NoveltyEngine
                .open(new EngineConfig(BUNDLES.resolve("io.noveltylens.model.minilm/models/all-minilm-l6-v2"),
                        BUNDLES.resolve("io.noveltylens.corpus.default/index"),
                        Path.of("target", "fuzz-cache").toAbsolutePath(),
                        EngineConfig.DEFAULT_K, EngineConfig.DEFAULT_HULL_BUDGET), Progress.NONE);
    }

    @AfterContainer
    static void closeEngine() {
        engine.close();
    }

    @Property
    void anyTextGetsAConsistentReportOrAClearRefusal(@ForAll("texts") String text) {
        NoveltyReport report;
        try {
            report = FuzzInputs.withoutHanging(() -> engine.analyze(text, Progress.NONE));
        } catch (NoveltyException e) {
            assertEquals(NoveltyException.Kind.BAD_INPUT, e.kind(), e.getMessage());
            assertFalse(e.getMessage().isBlank());
            return;
        }
        List<Neighbour> neighbours = report.neighbours();
        assertEquals(EngineConfig.DEFAULT_K, neighbours.size(), "k neighbours from a corpus of 69k passages");
        double distances = 0;
        for (int i = 0; i < neighbours.size(); i++) {
            Neighbour neighbour = neighbours.get(i);
            assertEquals(i + 1, neighbour.rank());
            assertTrue(neighbour.cosine() >= -1 - 1e-6 && neighbour.cosine() <= 1 + 1e-6, "cosine in [-1, 1]");
            assertTrue(i == 0 || neighbour.cosine() <= neighbours.get(i - 1).cosine(), "best first");
            distances += Math.sqrt(Math.max(0, 2 - 2 * neighbour.cosine()));
        }
        assertEquals(report.density().k(), neighbours.size());
        assertEquals(distances / neighbours.size(), report.density().meanDistance(), 1e-5,
                "the mean distance is the mean of the neighbours' unit-vector distances");
        assertInPercentRange(report.density().percentile());
        for (SentenceReadout sentence : report.sentences()) {
            assertTrue(sentence.span().start() >= 0 && sentence.span().end() <= text.length()
                    && sentence.span().start() < sentence.span().end(), "sentence inside the text");
            assertInPercentRange(sentence.density().percentile());
        }
        JsonObject json = JsonParser.parseString(ReportJson.line(report, null)).getAsJsonObject();
        assertEquals(text, json.get("text").getAsString(), "the JSON holds the text as given");
    }

    private static void assertInPercentRange(double percentile) {
        assertTrue(percentile >= 0 && percentile <= 100, () -> "percentile " + percentile);
    }

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> anyChars = Arbitraries.strings().all().ofMaxLength(300);
        Arbitrary<String> decoded = FuzzInputs.randomOrMutated(List.of(FuzzInputs.utf8(
                "It is a truth universally acknowledged, that a single man in possession of a good fortune, must be "
                        + "in want of a wife. Mrs. Pell read the line aloud. Mr. Darcy smiled.")),
                600).map(bytes -> new String(bytes, StandardCharsets.UTF_8));
        return Arbitraries.oneOf(anyChars, decoded);
    }
}
