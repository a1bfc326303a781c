package io.noveltylens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import io.noveltylens.core.Progress;
import io.noveltylens.core.embed.Embedding;
import io.noveltylens.core.embed.ModelDescriptor;
import io.noveltylens.core.embed.OnnxEmbedder;
import io.noveltylens.test.support.TextLines;
import io.noveltylens.test.support.Vectors;

/**
 * Our embedder against an independent peer on a plain JVM: langchain4j's in-process all-MiniLM-L6-v2 (its own copy
 * of the model, its own tokenisation and pooling code; the same ONNX Runtime and DJL at run time). Short sentences
 * only, because langchain4j cuts text at the 128 word pieces of the tokenizer.json (docs/design.md section 4); within that
 * the two must agree to cosine 0.9999 (measured: 0.9999995, docs/design.md section 4).
 * <p>
 * Paths are resolved from the module's basedir (surefire's working directory): the model from
 * {@code ../io.noveltylens.model.minilm/models/all-minilm-l6-v2} (override: {@code -Dnoveltylens.model=DIR}), the
 * sentences from {@code ../io.noveltylens.core.tests/fixtures} (override: {@code -Dnoveltylens.fixtures=DIR}).
 */
class EmbeddingParityWithLangchain4jTest {

    private static final List<String> SOURCES = List.of("austen-1500", "kjv-1000", "sherlock-200", "sotu-1000",
            "wordnet-200");
    private static final int PER_SOURCE = 40;
    /** Well under 128 word pieces: English prose averages about 1.3 pieces a word with this vocabulary. */
    private static final int MAX_WORDS = 50;

    @Test
    void ourVectorsMatchLangchain4jOnRealSentences() throws Exception {
        Path modelDir = Path.of(System.getProperty("noveltylens.model",
                "../io.noveltylens.model.minilm/models/all-minilm-l6-v2"));
        List<String> sentences = shortSentences(Path.of(System.getProperty("noveltylens.fixtures",
                "../io.noveltylens.core.tests/fixtures")));
        assertEquals(SOURCES.size() * PER_SOURCE, sentences.size());

        List<Embedding> ours;
        Path cache = Path.of("target", "native-cache").toAbsolutePath();
        try (OnnxEmbedder embedder = OnnxEmbedder.open(ModelDescriptor.load(modelDir, cache), cache)) {
            ours = embedder.embedPassages(sentences, Progress.NONE);
        }
        AllMiniLmL6V2EmbeddingModel peer = new AllMiniLmL6V2EmbeddingModel();
        double min = 1;
        double sum = 0;
        String worst = null;
        for (int i = 0; i < sentences.size(); i++) {
            float[] theirs = peer.embed(sentences.get(i)).content().vector();
            double cosine = Vectors.cosine(ours.get(i).unit(), theirs);
            sum += cosine;
            if (cosine < min) {
                min = cosine;
                worst = sentences.get(i);
            }
        }
        System.out.printf("[parity] langchain4j vs ours on %d sentences: cosine min %.9f, mean %.9f%n",
                sentences.size(), min, sum / sentences.size());
        assertTrue(min >= 0.9999, "cosine " + min + " for: " + worst);
    }

    private static List<String> shortSentences(Path fixtures) throws IOException {
        List<String> sentences = new ArrayList<>();
        for (String source : SOURCES) {
            TextLines.read(fixtures.resolve(source + ".txt.gz")).stream()
                    .filter(line -> !line.isBlank() && line.trim().split("\\s+").length <= MAX_WORDS)
                    .limit(PER_SOURCE).forEach(sentences::add);
        }
        return sentences;
    }
}
