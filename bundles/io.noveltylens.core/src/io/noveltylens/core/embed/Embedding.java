package io.noveltylens.core.embed;

/**
 * One text's embedding: the L2 unit vector (for cosine/dot-product search) and the norm of the pooled vector before
 * normalisation, so that {@link #raw()} gives back the un-normalised vector the convex-hull readout needs (a unit
 * vector lies in the hull of other unit vectors only if it equals one of them, docs/design.md, Convex hull).
 *
 * @param unit    the pooled vector divided by its norm; length = the model's dimension
 * @param rawNorm the Euclidean norm of the pooled vector
 * @param windows how many token windows the text was split into (1 unless it was longer than the model's limit)
 */
public record Embedding(float[] unit, float rawNorm, int windows) {

    /** The pooled vector before normalisation: {@code unit * rawNorm}. */
    public float[] raw() {
        float[] raw = new float[unit.length];
        for (int i = 0; i < raw.length; i++) {
            raw[i] = unit[i] * rawNorm;
        }
        return raw;
    }

    /** The embedding of a pooled vector: its unit vector and norm. */
    public static Embedding ofRaw(float[] raw, int windows) {
        double sum = 0;
        for (float v : raw) {
            sum += (double) v * v;
        }
        float norm = (float) Math.sqrt(sum);
        float[] unit = new float[raw.length];
        if (norm > 0) {
            for (int i = 0; i < raw.length; i++) {
                unit[i] = raw[i] / norm;
            }
        }
        return new Embedding(unit, norm, windows);
    }
}
