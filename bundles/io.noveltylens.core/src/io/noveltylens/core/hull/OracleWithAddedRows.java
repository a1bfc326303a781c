package io.noveltylens.core.hull;

import java.util.Arrays;

import io.noveltylens.core.math.FloatMatrix;

/**
 * A corpus with a few rows added, as the solvers see it: its hull is the hull of the corpus's rows and the added ones.
 * A single sentence is measured against the corpus's passages and the sentences of its nearest passages
 * (docs/design.md, Convex hull); the added rows are those sentences, held in memory, numbered after the corpus's
 * rows. The tolerances stay those of the corpus ({@link #spread()}), so a distance means the same with rows added or
 * not; and the maximum over the added rows is exact, so the answers are certified exactly when the corpus's are.
 */
public final class OracleWithAddedRows implements LinearOracle {

    private final LinearOracle corpus;
    private final FloatMatrix added;

    /** @param added rows of the corpus's dimension */
    public OracleWithAddedRows(LinearOracle corpus, FloatMatrix added) {
        if (added.cols() != corpus.dimension()) {
            throw new IllegalArgumentException(
                    "Added rows have " + added.cols() + " values, the corpus's " + corpus.dimension());
        }
        this.corpus = corpus;
        this.added = added;
    }

    /** The corpus's rows keep their numbers; the added ones follow. */
    @Override
    public int rows() {
        return corpus.rows() + added.rows();
    }

    @Override
    public int dimension() {
        return corpus.dimension();
    }

    @Override
    public double spread() {
        return corpus.spread();
    }

    @Override
    public float[][] vectors(int[] rows) {
        int[] corpusRows = Arrays.stream(rows).filter(row -> row < corpus.rows()).toArray();
        float[][] fromCorpus = corpus.vectors(corpusRows);
        float[][] vectors = new float[rows.length][];
        for (int i = 0, c = 0; i < rows.length; i++) {
            vectors[i] = rows[i] < corpus.rows() ? fromCorpus[c++] : added.row(rows[i] - corpus.rows());
        }
        return vectors;
    }

    /** The corpus's nearest rows: any rows are correct starts, and a query's nearest passage is a close one. */
    @Override
    public int[] nearestRows(double[] point, int count) {
        return corpus.nearestRows(point, count);
    }

    /** The corpus's best {@code count} and the added rows' best {@code count}: the best of both hold the best overall. */
    @Override
    public Maximisers maximise(double[] direction, int count, FetchedRows held) {
        Maximisers found = corpus.maximise(direction, count, held);
        int base = corpus.rows();
        double[] values = new double[added.rows()];
        added.multiply(direction, values);
        int[] best = LargestRows.of(values, count, i -> !held.contains(base + i));
        int total = found.rows().length + best.length;
        double[] all = new double[total];
        for (int i = 0; i < total; i++) {
            all[i] = i < found.rows().length ? found.values()[i] : values[best[i - found.rows().length]];
        }
        int[] chosen = LargestRows.of(all, count, i -> true);
        int[] rows = new int[chosen.length];
        double[] chosenValues = new double[chosen.length];
        float[][] vectors = new float[chosen.length][];
        for (int i = 0; i < chosen.length; i++) {
            int c = chosen[i];
            boolean fromCorpus = c < found.rows().length;
            rows[i] = fromCorpus ? found.rows()[c] : base + best[c - found.rows().length];
            chosenValues[i] = all[c];
            vectors[i] = fromCorpus ? found.vectors()[c] : added.row(best[c - found.rows().length]);
        }
        return new Maximisers(rows, chosenValues, vectors, found.certified());
    }
}
