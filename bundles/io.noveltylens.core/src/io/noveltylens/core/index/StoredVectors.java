package io.noveltylens.core.index;

import io.noveltylens.core.corpus.DistinctPassages;
import io.noveltylens.core.math.FloatMatrix;

/**
 * The corpus embeddings in document order, as stored: L2-normalised vectors (for cosine and the hull readouts) and the
 * norm of each raw pooled vector, so that an index keeps raw = norm * unit without storing vectors twice.
 */
final class StoredVectors {

    private final FloatMatrix units;
    private final float[] norms;

    StoredVectors(FloatMatrix units, float[] norms) {
        this.units = units;
        this.norms = norms;
    }

    static StoredVectors of(DistinctPassages passages, EmbeddingCache cache, int dimension) {
        float[] data = new float[passages.count() * dimension];
        float[] norms = new float[passages.count()];
        for (int i = 0; i < passages.count(); i++) {
            float[] raw = cache.get(passages.contentHash(i));
            double squares = 0;
            for (float value : raw) {
                squares += (double) value * value;
            }
            float norm = (float) Math.sqrt(squares);
            if (!(norm > 0) || !Float.isFinite(norm)) {
                throw new IllegalStateException("the model returned a zero or non-finite vector for a passage");
            }
            norms[i] = norm;
            for (int j = 0; j < dimension; j++) {
                data[i * dimension + j] = raw[j] / norm;
            }
        }
        return new StoredVectors(new FloatMatrix(passages.count(), dimension, data), norms);
    }

    int count() {
        return norms.length;
    }

    FloatMatrix units() {
        return units;
    }

    float[] unit(int i) {
        return units.row(i);
    }

    float norm(int i) {
        return norms[i];
    }
}
