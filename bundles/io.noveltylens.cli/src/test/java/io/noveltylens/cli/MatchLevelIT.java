package io.noveltylens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import io.noveltylens.core.Progress;
import io.noveltylens.core.analysis.NoveltyReport;
import io.noveltylens.core.analysis.SentenceReadout;
import io.noveltylens.core.engine.EngineConfig;
import io.noveltylens.core.engine.NoveltyEngine;
import io.noveltylens.core.export.ReportJson;
import io.noveltylens.test.support.MatchLevelCases;

/**
 * The match levels on the shipped corpus, for sentences whose level is known by how they were made
 * ({@link MatchLevelCases}: copied, lightly edited, paraphrased, on a subject of the corpus, unrelated), through the
 * heatmap's path and in the JSON. An integration test: the shipped index is built when this module is packaged.
 */
class MatchLevelIT {

    private static final Path BUNDLES = Path.of("..").toAbsolutePath().normalize();
    private static final Path SHIPPED = BUNDLES.resolve("io.noveltylens.corpus.default");
    private static NoveltyEngine engine;

    @BeforeAll
    static void openTheShippedCorpus() throws Exception {
        MatchLevelCases.checkConstruction(SHIPPED.resolve("corpus"));
        engine = NoveltyEngine.open(
                new EngineConfig(BUNDLES.resolve("io.noveltylens.model.minilm/models/all-minilm-l6-v2"),
                        SHIPPED.resolve("index"), Path.of("target", "match-level-cache"), 10, Duration.ofSeconds(1)),
                Progress.NONE);
    }

    @AfterAll
    static void closeTheEngine() {
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    void eachConstructedSentenceGetsTheLevelItWasMadeFor() throws Exception {
        String document = MatchLevelCases.document();
        List<SentenceReadout> readouts = new ArrayList<>();

        engine.sentences(document, 0, document.length(), readouts::add, Progress.NONE);

        List<MatchLevelCases.Case> cases = MatchLevelCases.all();
        assertEquals(cases.stream().map(MatchLevelCases.Case::text).toList(),
                readouts.stream().map(readout -> readout.span().of(document)).toList());
        for (int i = 0; i < cases.size(); i++) {
            assertEquals(cases.get(i).level(), readouts.get(i).matchLevel().name(), cases.get(i).text() + ": "
                    + readouts.get(i));
        }
    }

    @Test
    void theJsonCarriesTheLevelOfThePassageAndOfEachSentence() throws Exception {
        NoveltyReport report = engine.analyze(MatchLevelCases.document(), Progress.NONE);

        JsonObject json = ReportJson.object(report, null);

        assertEquals(report.matchLevel().name(), json.get("matchLevel").getAsString());
        JsonArray sentences = json.getAsJsonArray("sentences");
        List<MatchLevelCases.Case> cases = MatchLevelCases.all();
        assertEquals(cases.size(), sentences.size());
        for (int i = 0; i < cases.size(); i++) {
            assertEquals(cases.get(i).level(),
                    sentences.get(i).getAsJsonObject().get("matchLevel").getAsString(), cases.get(i).text());
        }
        // a sentence scored alone as a passage gets the level the breakdown gives it
        for (MatchLevelCases.Case sentence : cases) {
            assertEquals(sentence.level(), engine.analyze(sentence.text(), Progress.NONE).matchLevel().name(),
                    sentence.text());
        }
    }
}
