package io.noveltylens.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import io.noveltylens.core.NoveltyException;
import io.noveltylens.core.Progress;
import io.noveltylens.core.embed.Embedding;
import io.noveltylens.core.embed.ModelDescriptor;
import io.noveltylens.core.embed.OnnxEmbedder;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The tokenizer and the model on any string a selection or a corpus file can hold: every code unit of UTF-16
 * (unpaired surrogates, controls, private use), text decoded from damaged bytes, and texts long enough to need several
 * windows. A query gives a finite unit vector of the model's dimension, the same one as a passage, or a
 * {@link NoveltyException.Kind#BAD_INPUT}; never another exception or a hang.
 */
class EmbedderFuzzTest {

    private static OnnxEmbedder embedder;

    @BeforeContainer
    static void openModel() throws NoveltyException {
        Path modelDir = Path.of(System.getProperty("noveltylens.model",
                "../io.noveltylens.model.minilm/models/all-minilm-l6-v2"));
        Path cache = Path.of("target", "native-cache").toAbsolutePath();
        embedder = OnnxEmbedder.open(ModelDescriptor.load(modelDir, cache), cache);
    }

    @AfterContainer
    static void closeModel() {
        embedder.close();
    }

    @Property
    void anyTextEmbedsToAUnitVectorOrIsRefusedClearly(@ForAll("texts") String text) throws NoveltyException {
        Embedding query;
        try {
            query = FuzzInputs.withoutHanging(() -> embedder.embedQuery(text));
        } catch (NoveltyException e) {
            assertEquals(NoveltyException.Kind.BAD_INPUT, e.kind(), e.getMessage());
            return;
        }
        float[] unit = query.unit();
        assertEquals(embedder.model().dimension(), unit.length);
        double squares = 0;
        for (float value : unit) {
            assertTrue(Float.isFinite(value), "finite");
            squares += (double) value * value;
        }
        assertEquals(1, Math.sqrt(squares), 1e-5, "unit length");
        // the default model has no query or passage prefix: a passage of the same text is the same point
        Embedding passage = FuzzInputs
                .withoutHanging(() -> embedder.embedPassages(List.of(text), Progress.NONE).get(0));
        assertArrayEquals(unit, passage.unit(), 1e-5f, "query and passage embeddings of one text");
    }

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> anyChars = Arbitraries.strings().all().ofMaxLength(400);
        // up to twice the model's 256 tokens: texts that need several windows
        Arbitrary<String> words = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(12).list()
                .ofMaxSize(300).map(list -> String.join(" ", list));
        Arbitrary<String> decoded = FuzzInputs
                .randomOrMutated(List.of(FuzzInputs.utf8("Mrs. Pell read the line aloud. Mr. Darcy smiled.")), 600)
                .map(bytes -> new String(bytes, StandardCharsets.UTF_8));
        return Arbitraries.frequencyOf(Tuple.of(3, anyChars), Tuple.of(1, words), Tuple.of(3, decoded));
    }
}
