package io.noveltylens.core.index;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import io.noveltylens.core.NoveltyException;
import io.noveltylens.core.Progress;
import io.noveltylens.core.corpus.TextNormalization;
import io.noveltylens.core.embed.Embedder;
import io.noveltylens.core.embed.Embedding;
import io.noveltylens.core.embed.ModelDescriptor;
import io.noveltylens.core.embed.ModelFingerprint;
import io.noveltylens.core.embed.Pooling;

/**
 * A fast stand-in model for tests of the index machinery: a bag of hashed words, so that texts sharing words are
 * near each other. It counts what it embeds and can fail after a given number of texts, like a killed build. Public
 * for the drafts store's tests.
 */
public class HashingEmbedder implements Embedder {

    static final int DIMENSION = 48;

    private final String name;
    private final AtomicInteger embedded = new AtomicInteger();
    private volatile int failAfter = Integer.MAX_VALUE;

    public HashingEmbedder(String name) {
        this.name = name;
    }

    public int embeddedCount() {
        return embedded.get();
    }

    void failAfter(int texts) {
        failAfter = texts;
    }

    @Override
    public ModelDescriptor model() {
        return new ModelDescriptor(name, name, Path.of(name + ".onnx"), Path.of(name + ".json"), Pooling.MEAN, true,
                256, "", "", "last_hidden_state", 32, DIMENSION);
    }

    @Override
    public ModelFingerprint fingerprint() {
        return new ModelFingerprint(name, TextNormalization.sha256(name + "-onnx"),
                TextNormalization.sha256(name + "-tok"));
    }

    @Override
    public Embedding embedQuery(String text) {
        return embed(text);
    }

    @Override
    public List<Embedding> embedPassages(List<String> texts, Progress progress) throws NoveltyException {
        progress.begin("embedding", texts.size());
        List<Embedding> result = new ArrayList<>();
        for (String text : texts) {
            progress.checkCanceled();
            if (embedded.get() >= failAfter) {
                throw new NoveltyException(NoveltyException.Kind.MODEL, "simulated crash after " + failAfter);
            }
            result.add(embed(text));
            embedded.incrementAndGet();
            progress.worked(1);
        }
        return result;
    }

    private static Embedding embed(String text) {
        float[] raw = new float[DIMENSION];
        for (String word : text.toLowerCase(Locale.ROOT).split("\\W+")) {
            if (!word.isEmpty()) {
                int h = word.hashCode();
                raw[Math.floorMod(h, DIMENSION)] += 1;
                raw[Math.floorMod(h >>> 7, DIMENSION)] += 0.5f;
            }
        }
        raw[0] += 0.1f; // never the zero vector
        double norm = 0;
        for (float v : raw) {
            norm += v * v;
        }
        float n = (float) Math.sqrt(norm);
        float[] unit = new float[DIMENSION];
        for (int i = 0; i < DIMENSION; i++) {
            unit[i] = raw[i] / n;
        }
        return new Embedding(unit, n, 1);
    }

    @Override
    public void close() {
    }
}
