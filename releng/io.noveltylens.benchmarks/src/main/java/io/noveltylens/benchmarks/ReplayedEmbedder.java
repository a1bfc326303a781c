package io.noveltylens.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import io.noveltylens.core.Progress;
import io.noveltylens.core.embed.Embedder;
import io.noveltylens.core.embed.Embedding;
import io.noveltylens.core.embed.ModelDescriptor;
import io.noveltylens.core.embed.ModelFingerprint;
import io.noveltylens.core.math.FloatMatrix;

/**
 * An {@link Embedder} that replays the default corpus's real embeddings instead of running the model, so that the
 * index builder can build corpora of any size in the time its own work takes. Passage n of a corpus
 * of N gets, for N up to the real count, real row n * real / N (an even spread over the real corpus); beyond it, row
 * n mod real, and every copy after the first is moved by Gaussian noise of a fixed norm and re-normalised. Real
 * vectors plus noise keep the clustered shape of sentence embeddings; random Gaussian vectors would not, and HNSW
 * recall on them is pathological (0.02-0.14, docs/design.md section 4).
 */
final class ReplayedEmbedder implements Embedder {

    /** Three words: the corpus reader drops shorter passages. */
    private static final String PREFIX = "replayed corpus passage ";

    private final ModelDescriptor model;
    private final ModelFingerprint fingerprint;
    private final FloatMatrix realRaw;
    private final int corpusSize;
    private final double noiseNorm;

    /**
     * @param realRaw   the real corpus's un-normalised embeddings
     * @param noiseNorm the Euclidean norm of the noise added to the unit vector of a copy
     */
    ReplayedEmbedder(ModelDescriptor model, ModelFingerprint fingerprint, FloatMatrix realRaw, int corpusSize,
            double noiseNorm) {
        this.model = model;
        this.fingerprint = fingerprint;
        this.realRaw = realRaw;
        this.corpusSize = corpusSize;
        this.noiseNorm = noiseNorm;
    }

    static String text(int n) {
        return PREFIX + n;
    }

    @Override
    public ModelDescriptor model() {
        return model;
    }

    @Override
    public ModelFingerprint fingerprint() {
        return fingerprint;
    }

    @Override
    public Embedding embedQuery(String text) {
        return embed(Integer.parseInt(text.substring(PREFIX.length()).strip()));
    }

    @Override
    public List<Embedding> embedPassages(List<String> texts, Progress progress) {
        List<Embedding> embeddings = new ArrayList<>(texts.size());
        for (String text : texts) {
            embeddings.add(embedQuery(text));
        }
        return embeddings;
    }

    private Embedding embed(int n) {
        int real = realRaw.rows();
        int row = corpusSize <= real ? (int) ((long) n * real / corpusSize) : n % real;
        float[] raw = realRaw.row(row);
        double norm = norm(raw);
        float[] unit = new float[raw.length];
        for (int j = 0; j < raw.length; j++) {
            unit[j] = (float) (raw[j] / norm);
        }
        if (corpusSize > real && n >= real) {
            SplittableRandom random = new SplittableRandom(n);
            double scale = noiseNorm / Math.sqrt(unit.length);
            for (int j = 0; j < unit.length; j++) {
                unit[j] += (float) (scale * random.nextGaussian());
            }
            double moved = norm(unit);
            for (int j = 0; j < unit.length; j++) {
                unit[j] = (float) (unit[j] / moved);
            }
        }
        return new Embedding(unit, (float) norm, 1);
    }

    private static double norm(float[] v) {
        double sum = 0;
        for (float x : v) {
            sum += (double) x * x;
        }
        return Math.sqrt(sum);
    }

    @Override
    public void close() {
        // nothing native to free
    }
}
