package io.noveltylens.core.embed;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;

import io.noveltylens.core.CoreText;
import io.noveltylens.core.NoveltyException;
import io.noveltylens.core.NoveltyException.Kind;

/**
 * A sentence-embedding model on disk: what {@code novelty-model.json} in its folder says, checked against the ONNX
 * graph it names.
 * <p>
 * The JSON holds {@code id} (stable, stored in every index), {@code onnx} and {@code tokenizer} (file names relative
 * to the folder), {@code pooling} ({@code MEAN} or {@code CLS}) and {@code maxTokens}; optional are {@code label}
 * (default: the id), {@code normalize} (true: the model is meant to be compared by cosine; embedders return both
 * the unit vector and the raw norm either way, see {@link Embedding}), {@code queryPrefix} and {@code passagePrefix} ("", e5 uses
 * {@code "query: "}), {@code outputName} ({@code last_hidden_state}) and {@code maxBatchSize} (32; 1 for dynamically
 * quantised int8 models, whose vectors otherwise depend on their batch mates, docs/design.md section 4).
 *
 * @param dimension the vector length, read from the model by running it once at {@code maxTokens} tokens
 */
public record ModelDescriptor(String id, String label, Path onnx, Path tokenizer, Pooling pooling, boolean normalize,
        int maxTokens, String queryPrefix, String passagePrefix, String outputName, int maxBatchSize,
        int dimension) {

    /** The descriptor's file name inside a model folder. */
    public static final String FILE_NAME = "novelty-model.json";

    /** Fewer than this leaves no room for text besides a BERT model's [CLS] and [SEP]. */
    private static final int MIN_TOKENS = 8;

    /**
     * Reads {@code modelDir/novelty-model.json} and checks that the files it names exist. Unless the descriptor
     * declares the dimension, also checks that the ONNX graph is a sentence encoder that accepts {@code maxTokens}
     * tokens, by loading it once (a third of a second for MiniLM fp32).
     *
     * @param cacheDir the folder the embedder will use for native libraries ({@link OnnxEmbedder#open}): the probe may
     *                 be this JVM's first use of ONNX Runtime, whose libraries must be unpacked there too
     */
    public static ModelDescriptor load(Path modelDir, Path cacheDir) throws NoveltyException {
        Path file = modelDir.resolve(FILE_NAME);
        JsonObject json = parse(file);
        String id = requiredString(json, "id", file);
        Path onnx = existingFile(modelDir, requiredString(json, "onnx", file), "ONNX model", file);
        Path tokenizer = existingFile(modelDir, requiredString(json, "tokenizer", file), "tokenizer", file);
        String poolingName = requiredString(json, "pooling", file);
        Pooling pooling;
        try {
            pooling = Pooling.valueOf(poolingName.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw invalid(file,
                    "\"pooling\" is \"" + poolingName + "\"; use one of " + Arrays.toString(Pooling.values())
                            + " (the pooling the model was trained with, see its sentence-transformers config)");
        }
        int maxTokens = requiredInt(json, "maxTokens", file);
        if (maxTokens < MIN_TOKENS) {
            throw invalid(file, "\"maxTokens\" is " + maxTokens + "; it must be at least " + MIN_TOKENS
                    + " (sentence-transformers uses 256 for all-MiniLM-L6-v2)");
        }
        int maxBatchSize = optionalInt(json, "maxBatchSize", 32, file);
        if (maxBatchSize < 1) {
            throw invalid(file, "\"maxBatchSize\" is " + maxBatchSize + "; it must be at least 1");
        }
        String outputName = optionalString(json, "outputName", "last_hidden_state", file);
        int dimension = optionalInt(json, "dimension", 0, file);
        if (dimension < 0) {
            throw invalid(file, "\"dimension\" is " + dimension + "; leave it out to have it read from the model");
        }
        if (dimension == 0) {
            OrtNatives.install(cacheDir);
            try (EncoderSession session = EncoderSession.open(onnx, outputName, pooling, 1, false)) {
                dimension = session.probe(maxTokens, onnx);
            }
        }
        return new ModelDescriptor(id, optionalString(json, "label", id, file), onnx, tokenizer, pooling,
                optionalBoolean(json, "normalize", true, file), maxTokens,
                optionalString(json, "queryPrefix", "", file), optionalString(json, "passagePrefix", "", file),
                outputName, maxBatchSize, dimension);
    }

    private static JsonObject parse(Path file) throws NoveltyException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new NoveltyException(Kind.MODEL, CoreText.bind(CoreText.ModelDescriptor_missing, file, FILE_NAME), e);
        } catch (IOException e) {
            throw new NoveltyException(Kind.MODEL, CoreText.bind(CoreText.ModelDescriptor_unreadable, file, e), e);
        }
        try {
            JsonElement root = JsonParser.parseString(text);
            if (!root.isJsonObject()) {
                throw invalid(file, "it must hold one JSON object");
            }
            return root.getAsJsonObject();
        } catch (JsonParseException e) {
            throw invalid(file, "it is not valid JSON (" + e.getMessage() + ")");
        }
    }

    private static Path existingFile(Path dir, String name, String what, Path descriptor) throws NoveltyException {
        Path path = dir.resolve(name).toAbsolutePath().normalize();
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw new NoveltyException(Kind.MODEL,
                    CoreText.bind(CoreText.ModelDescriptor_fileMissing, what, path, descriptor));
        }
        return path;
    }

    private static JsonPrimitive primitive(JsonObject json, String key, Path file) throws NoveltyException {
        JsonElement element = json.get(key);
        if (element == null || element.isJsonNull()) {
            return null;
        }
        if (!element.isJsonPrimitive()) {
            throw invalid(file, "\"" + key + "\" must be a plain value, not " + element);
        }
        return element.getAsJsonPrimitive();
    }

    private static String requiredString(JsonObject json, String key, Path file) throws NoveltyException {
        String value = optionalString(json, key, null, file);
        if (value == null || value.isBlank()) {
            throw invalid(file, "the required \"" + key + "\" is missing or empty");
        }
        return value;
    }

    private static String optionalString(JsonObject json, String key, String fallback, Path file)
            throws NoveltyException {
        JsonPrimitive value = primitive(json, key, file);
        if (value == null) {
            return fallback;
        }
        if (!value.isString()) {
            throw invalid(file, "\"" + key + "\" must be a string, not " + value);
        }
        return value.getAsString();
    }

    private static int requiredInt(JsonObject json, String key, Path file) throws NoveltyException {
        if (primitive(json, key, file) == null) {
            throw invalid(file, "the required \"" + key + "\" is missing");
        }
        return optionalInt(json, key, 0, file);
    }

    private static int optionalInt(JsonObject json, String key, int fallback, Path file) throws NoveltyException {
        JsonPrimitive value = primitive(json, key, file);
        if (value == null) {
            return fallback;
        }
        if (!value.isNumber() || value.getAsDouble() != Math.rint(value.getAsDouble())
                || Math.abs(value.getAsDouble()) > Integer.MAX_VALUE) {
            throw invalid(file, "\"" + key + "\" must be a whole number, not " + value);
        }
        return value.getAsInt();
    }

    private static boolean optionalBoolean(JsonObject json, String key, boolean fallback, Path file)
            throws NoveltyException {
        JsonPrimitive value = primitive(json, key, file);
        if (value == null) {
            return fallback;
        }
        if (!value.isBoolean()) {
            throw invalid(file, "\"" + key + "\" must be true or false, not " + value);
        }
        return value.getAsBoolean();
    }

    private static NoveltyException invalid(Path file, String problem) {
        return new NoveltyException(Kind.MODEL, CoreText.bind(CoreText.ModelDescriptor_invalid, file, problem));
    }
}
