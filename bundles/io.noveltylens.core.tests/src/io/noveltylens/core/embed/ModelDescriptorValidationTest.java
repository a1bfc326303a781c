package io.noveltylens.core.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

import io.noveltylens.core.NoveltyException;
import io.noveltylens.core.Progress;

/** Broken model folders are refused with a {@link NoveltyException.Kind#MODEL} that names the problem. */
class ModelDescriptorValidationTest {

    private static final Path FP32 = TestModels.modelDir(TestModels.FP32);

    @TempDir
    Path dir;

    @Test
    void shippedModelsDescribeThemselves() throws Exception {
        ModelDescriptor fp32 = TestModels.descriptor(TestModels.FP32);
        assertEquals(384, fp32.dimension());
        assertEquals(256, fp32.maxTokens());
        assertEquals(Pooling.MEAN, fp32.pooling());
        assertTrue(fp32.normalize());
        assertEquals(32, fp32.maxBatchSize());
        ModelDescriptor int8 = TestModels.descriptor(TestModels.INT8);
        assertEquals(384, int8.dimension());
        assertEquals(1, int8.maxBatchSize(), "int8 vectors depend on batch mates unless run one at a time");
    }

    @Test
    void folderWithoutDescriptor() {
        assertRefused(() -> load(dir), "No model descriptor", "novelty-model.json");
    }

    @Test
    void descriptorThatIsNotJson() throws IOException {
        Files.writeString(dir.resolve(ModelDescriptor.FILE_NAME), "{\"id\": \"x\", ");
        assertRefused(() -> load(dir), "not valid JSON");
    }

    @Test
    void missingOnnxFile() throws IOException {
        writeDescriptor("\"missing.onnx\"", tokenizerJson(), "\"MEAN\"", 256, "last_hidden_state");
        assertRefused(() -> load(dir), "missing.onnx", "missing or unreadable");
    }

    @Test
    void missingRequiredField() throws IOException {
        Files.writeString(dir.resolve(ModelDescriptor.FILE_NAME), "{\"id\": \"x\"}");
        assertRefused(() -> load(dir), "\"onnx\" is missing");
    }

    @Test
    void unknownPooling() throws IOException {
        writeDescriptor(onnxJson(), tokenizerJson(), "\"MAX\"", 256, "last_hidden_state");
        assertRefused(() -> load(dir), "\"MAX\"", "MEAN", "CLS");
    }

    @Test
    void maxTokensBeyondThePositionTable() throws IOException {
        writeDescriptor(onnxJson(), tokenizerJson(), "\"MEAN\"", 513, "last_hidden_state");
        assertRefused(() -> load(dir), "does not accept 513 tokens", "maxTokens");
    }

    /** A declared dimension skips loading the model in load(); the embedder's first session then checks it. */
    @Test
    void declaredDimensionIsCheckedByTheFirstSession() throws Exception {
        writeDescriptor(onnxJson(), tokenizerJson(), "\"MEAN\"", 256, "last_hidden_state", 100);
        ModelDescriptor declared = load(dir);
        assertEquals(100, declared.dimension());
        try (OnnxEmbedder embedder = OnnxEmbedder.open(declared, TestModels.cacheDir())) {
            assertRefused(() -> embedder.embedQuery("A sentence."), "produces vectors of dimension 384",
                    "declares 100");
            assertRefused(() -> embedder.embedPassages(List.of("A passage."), Progress.NONE),
                    "produces vectors of dimension 384");
        }
    }

    @Test
    void declaredDimensionStillChecksMaxTokensBeforeFirstUse() throws Exception {
        writeDescriptor(onnxJson(), tokenizerJson(), "\"MEAN\"", 513, "last_hidden_state", 384);
        try (OnnxEmbedder embedder = OnnxEmbedder.open(load(dir), TestModels.cacheDir())) {
            assertRefused(embedder::prepareQueries, "does not accept 513 tokens", "maxTokens");
        }
    }

    @Test
    void negativeDeclaredDimension() throws IOException {
        writeDescriptor(onnxJson(), tokenizerJson(), "\"MEAN\"", 256, "last_hidden_state", -1);
        assertRefused(() -> load(dir), "\"dimension\" is -1");
    }

    @Test
    void maxTokensTooSmallForText() throws IOException {
        writeDescriptor(onnxJson(), tokenizerJson(), "\"MEAN\"", 2, "last_hidden_state");
        assertRefused(() -> load(dir), "\"maxTokens\" is 2");
    }

    @Test
    void fileThatIsNotOnnx() throws IOException {
        Files.writeString(dir.resolve("model.onnx"), "<html>404 Not Found</html>");
        writeDescriptor("\"model.onnx\"", tokenizerJson(), "\"MEAN\"", 256, "last_hidden_state");
        assertRefused(() -> load(dir), "cannot load the model", "model.onnx");
    }

    @Test
    void outputNameTheGraphDoesNotHave() throws IOException {
        writeDescriptor(onnxJson(), tokenizerJson(), "\"MEAN\"", 256, "sentence_embedding");
        assertRefused(() -> load(dir), "no output named 'sentence_embedding'",
                "last_hidden_state");
    }

    @Test
    void graphThatIsNotASentenceEncoder() throws IOException {
        Files.write(dir.resolve("add.onnx"), addModel());
        writeDescriptor("\"add.onnx\"", tokenizerJson(), "\"MEAN\"", 256, "y");
        assertRefused(() -> load(dir), "takes the inputs [x]", "input_ids");
    }

    @Test
    void tokenizerThatIsNotATokenizer() throws Exception {
        ModelDescriptor fp32 = TestModels.descriptor(TestModels.FP32);
        Path garbage = Files.writeString(dir.resolve("tokenizer.json"), "{\"model\": 42}");
        ModelDescriptor broken = new ModelDescriptor(fp32.id(), fp32.label(), fp32.onnx(), garbage, fp32.pooling(),
                fp32.normalize(), fp32.maxTokens(), "", "", fp32.outputName(), 1, fp32.dimension());
        assertRefused(() -> OnnxEmbedder.open(broken, TestModels.cacheDir()).close(), "Cannot load the tokenizer",
                "tokenizer.json");
    }

    private static ModelDescriptor load(Path dir) throws NoveltyException {
        return ModelDescriptor.load(dir, TestModels.cacheDir());
    }

    private static void assertRefused(Executable load, String... phrases) {
        NoveltyException e = assertThrows(NoveltyException.class, load);
        assertEquals(NoveltyException.Kind.MODEL, e.kind(), e.getMessage());
        for (String phrase : phrases) {
            assertTrue(e.getMessage().contains(phrase), "'" + phrase + "' in: " + e.getMessage());
        }
    }

    private void writeDescriptor(String onnx, String tokenizer, String pooling, int maxTokens, String output)
            throws IOException {
        Files.writeString(dir.resolve(ModelDescriptor.FILE_NAME), """
                {"id": "test/model", "onnx": %s, "tokenizer": %s, "pooling": %s, "maxTokens": %d,
                 "outputName": "%s"}
                """.formatted(onnx, tokenizer, pooling, maxTokens, output));
    }

    private void writeDescriptor(String onnx, String tokenizer, String pooling, int maxTokens, String output,
            int dimension) throws IOException {
        Files.writeString(dir.resolve(ModelDescriptor.FILE_NAME), """
                {"id": "test/model", "onnx": %s, "tokenizer": %s, "pooling": %s, "maxTokens": %d,
                 "outputName": "%s", "dimension": %d}
                """.formatted(onnx, tokenizer, pooling, maxTokens, output, dimension));
    }

    private static String onnxJson() {
        return quoted(FP32.resolve("all-minilm-l6-v2.onnx"));
    }

    private static String tokenizerJson() {
        return quoted(FP32.resolve("all-minilm-l6-v2-tokenizer.json"));
    }

    private static String quoted(Path path) {
        return '"' + path.toAbsolutePath().toString().replace("\\", "\\\\") + '"';
    }

    /** A valid ONNX model that is no sentence encoder: y = x + x over float[1, 4], as protobuf bytes. */
    private static byte[] addModel() {
        byte[] shape = concat(field(1, varintField(1, 1)), field(1, varintField(1, 4)));
        byte[] type = field(1, concat(varintField(1, 1 /* FLOAT */), field(2, shape)));
        byte[] x = concat(text(1, "x"), field(2, type));
        byte[] y = concat(text(1, "y"), field(2, type));
        byte[] node = concat(text(1, "x"), text(1, "x"), text(2, "y"), text(4, "Add"));
        byte[] graph = concat(field(1, node), text(2, "add"), field(11, x), field(12, y));
        byte[] opset = varintField(2, 13);
        return concat(varintField(1, 8 /* IR version */), field(7, graph), field(8, opset));
    }

    private static byte[] text(int number, String value) {
        return field(number, value.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] field(int number, byte[] payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        varint(out, number << 3 | 2);
        varint(out, payload.length);
        out.writeBytes(payload);
        return out.toByteArray();
    }

    private static byte[] varintField(int number, long value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        varint(out, number << 3);
        varint(out, value);
        return out.toByteArray();
    }

    private static void varint(ByteArrayOutputStream out, long value) {
        for (long v = value;; v >>>= 7) {
            if ((v & ~0x7FL) == 0) {
                out.write((int) v);
                return;
            }
            out.write((int) (v & 0x7F | 0x80));
        }
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
