package io.noveltylens.core.embed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.LongBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import io.noveltylens.core.Progress;
import io.noveltylens.test.support.Vectors;

/**
 * Long texts are embedded whole: not cut at the 128 word pieces of the MiniLM tokenizer.json, nor at the model's 256,
 * but read in half-overlapping windows (MiniLM: 254 pieces between [CLS] and [SEP], a new window every 127).
 */
class LongTextTest {

    private static final long[] CLS = { 101 };
    private static final long[] SEP = { 102 };

    private static OnnxEmbedder embedder;
    private static PassageTokenizer tokenizer;

    @BeforeAll
    static void load() throws Exception {
        embedder = TestModels.embedder(TestModels.FP32);
        ModelDescriptor model = embedder.model();
        tokenizer = PassageTokenizer.load(model.tokenizer(), model.maxTokens(), TestModels.cacheDir());
    }

    @Test
    void textAtTheLimitIsOneWindow() {
        List<long[]> windows = PassageTokenizer.split(pieces(254), CLS, SEP, 256);
        assertEquals(1, windows.size());
        assertEquals(256, windows.getFirst().length);
    }

    @Test
    void onePieceOverTheLimitIsTwoFullWindowsEndingAtTheEnd() {
        List<long[]> windows = PassageTokenizer.split(pieces(255), CLS, SEP, 256);
        assertEquals(2, windows.size());
        assertArrayEquals(window(0, 254), windows.get(0));
        assertArrayEquals(window(1, 254), windows.get(1));
    }

    @Test
    void windowsStartEveryHalfWindowAndCoverEveryPiece() {
        int n = 1000;
        List<long[]> windows = PassageTokenizer.split(pieces(n), CLS, SEP, 256);
        // starts 0, 127, ..., 635, then 746 = n - 254 for the last: 1 + ceil((1000 - 254) / 127) = 7 windows
        assertEquals(7, windows.size());
        for (int i = 0; i < 6; i++) {
            assertArrayEquals(window(i * 127, 254), windows.get(i), "window " + i);
        }
        assertArrayEquals(window(n - 254, 254), windows.get(6), "last window ends at the last piece");
        boolean[] covered = new boolean[n];
        windows.forEach(w -> Arrays.stream(w, 1, w.length - 1).forEach(piece -> covered[(int) piece] = true));
        for (int i = 0; i < n; i++) {
            assertTrue(covered[i], "piece " + i);
        }
    }

    @Test
    void wordsAfterPiece128ChangeTheVector() throws Exception {
        String start = "";
        for (String gloss : FixtureTexts.lines("wordnet-200", 200)) {
            if (tokenizer.pieces(start).length > 150) {
                break;
            }
            start += gloss + ". ";
        }
        assertTrue(tokenizer.pieces(start).length < 220, "the shared start is 150-220 pieces long");
        Embedding a = embedder.embedQuery(start + " The harvest was plentiful and the granaries were full.");
        Embedding b = embedder.embedQuery(start + " Submarine cables carry telegrams beneath the stormy ocean.");
        assertEquals(1, a.windows());
        assertEquals(1, b.windows());
        double cosine = Vectors.cosine(a.unit(), b.unit());
        assertTrue(cosine < 0.999, "text after piece 128 must matter, cosine " + cosine);
    }

    @Test
    void fiveThousandWordsAreEmbeddedWholeAndTheirEndMatters() throws Exception {
        StringBuilder text = new StringBuilder();
        for (String line : FixtureTexts.lines("austen-1500", 1500)) {
            if (text.toString().split("\\s+").length >= 5000) {
                break;
            }
            text.append(line).append(' ');
        }
        String body = text.toString();
        String ending = FixtureTexts.lines("kjv-1000", 12).stream()
                .reduce((x, y) -> x + " " + y).orElseThrow();
        // one call, so that the 2 x ~50 windows are spread over both cores
        List<Embedding> embeddings = embedder.embedPassages(List.of(body, body + ending), Progress.NONE);
        Embedding plain = embeddings.get(0);
        Embedding withScripture = embeddings.get(1);

        int expectedWindows = PassageTokenizer.split(tokenizer.pieces(body), CLS, SEP, 256).size();
        assertEquals(expectedWindows, plain.windows());
        assertTrue(plain.windows() > 40, "windows: " + plain.windows());
        double cosine = Vectors.cosine(plain.unit(), withScripture.unit());
        assertTrue(cosine < 0.9995, "the last paragraphs must move the vector, cosine " + cosine);
        assertTrue(cosine > 0.9, "but only a little, cosine " + cosine);
    }

    /**
     * Oracle: the windowing contract, computed in the test from an ONNX Runtime session of its own. With MEAN pooling
     * (sentence-transformers: every token state under the mask, [CLS] and [SEP] included) a windowed text's raw vector
     * is the mean of all token states of all its windows; each window runs alone, so there is no padding to mask.
     */
    @Test
    void aWindowedTextIsTheMeanOfTheTokenStatesOfAllItsWindows() throws Exception {
        String text = String.join(" ", FixtureTexts.lines("sherlock-200", 12));
        List<long[]> windows = tokenizer.windows(tokenizer.head(""), text);
        assertTrue(windows.size() >= 2, "windows: " + windows.size());
        ModelDescriptor model = embedder.model();
        assertEquals(Pooling.MEAN, model.pooling());
        double[] sum = new double[model.dimension()];
        int tokens = 0;
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession session = env.createSession(model.onnx().toString(), new OrtSession.SessionOptions())) {
            for (long[] window : windows) {
                long[] shape = { 1, window.length };
                Map<String, OnnxTensor> inputs = new HashMap<>();
                inputs.put("input_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(window), shape));
                long[] ones = new long[window.length];
                Arrays.fill(ones, 1);
                inputs.put("attention_mask", OnnxTensor.createTensor(env, LongBuffer.wrap(ones), shape));
                if (session.getInputNames().contains("token_type_ids")) {
                    inputs.put("token_type_ids",
                            OnnxTensor.createTensor(env, LongBuffer.wrap(new long[window.length]), shape));
                }
                try (OrtSession.Result result = session.run(inputs)) {
                    float[][] states = ((float[][][]) result.get(model.outputName()).orElseThrow().getValue())[0];
                    for (float[] state : states) {
                        for (int d = 0; d < sum.length; d++) {
                            sum[d] += state[d];
                        }
                    }
                    tokens += states.length;
                } finally {
                    inputs.values().forEach(OnnxTensor::close);
                }
            }
        }
        Embedding embedding = embedder.embedQuery(text);
        assertEquals(windows.size(), embedding.windows());
        float[] actual = embedding.raw();
        for (int d = 0; d < sum.length; d++) {
            assertEquals(sum[d] / tokens, actual[d], 1e-4, "component " + d);
        }
    }

    private static long[] pieces(int n) {
        return LongStream.range(0, n).toArray();
    }

    private static long[] window(int start, int length) {
        long[] window = new long[length + 2];
        window[0] = 101;
        for (int i = 0; i < length; i++) {
            window[i + 1] = start + i;
        }
        window[length + 1] = 102;
        return window;
    }
}
