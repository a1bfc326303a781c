package io.noveltylens.core.embed;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import io.noveltylens.core.NoveltyException;

/**
 * Locates the model folders for tests: {@code ../io.noveltylens.model.minilm/models} relative to the working
 * directory (the test bundle), or the folder in system property {@code noveltylens.models}; the int8 model is in the
 * bundle of the optional feature beside it, {@code ../io.noveltylens.model.minilm.int8/models}. Descriptors and
 * embedders are loaded once per JVM and shared by the test classes (loading MiniLM takes about a second); they are
 * never closed, the JVM's exit frees them.
 */
public final class TestModels {

    public static final String FP32 = "all-minilm-l6-v2";
    public static final String INT8 = "all-minilm-l6-v2-q";
    private static final String INT8_BUNDLE = "io.noveltylens.model.minilm.int8";

    private static final Map<String, ModelDescriptor> DESCRIPTORS = new HashMap<>();
    private static final Map<String, OnnxEmbedder> EMBEDDERS = new HashMap<>();

    private TestModels() {
    }

    public static Path modelsDir() {
        String override = System.getProperty("noveltylens.models");
        Path dir = override != null ? Path.of(override)
                : Path.of("..", "io.noveltylens.model.minilm", "models");
        if (!Files.isDirectory(dir.resolve(FP32))) {
            throw new IllegalStateException("No models at " + dir.toAbsolutePath()
                    + "; run the tests from io.noveltylens.core.tests or set -Dnoveltylens.models=DIR");
        }
        return dir;
    }

    public static Path modelDir(String name) {
        Path models = modelsDir();
        return INT8.equals(name) ? models.getParent().resolveSibling(INT8_BUNDLE).resolve("models").resolve(name)
                : models.resolve(name);
    }

    /** Where tests let DJL and JNA extract their native libraries. */
    public static Path cacheDir() {
        return Path.of(System.getProperty("noveltylens.cache", "target/native-cache")).toAbsolutePath();
    }

    public static synchronized ModelDescriptor descriptor(String name) throws NoveltyException {
        ModelDescriptor descriptor = DESCRIPTORS.get(name);
        if (descriptor == null) {
            descriptor = ModelDescriptor.load(modelDir(name), cacheDir());
            DESCRIPTORS.put(name, descriptor);
        }
        return descriptor;
    }

    public static synchronized OnnxEmbedder embedder(String name) throws NoveltyException {
        OnnxEmbedder embedder = EMBEDDERS.get(name);
        if (embedder == null) {
            embedder = OnnxEmbedder.open(descriptor(name), cacheDir());
            EMBEDDERS.put(name, embedder);
        }
        return embedder;
    }
}
