package io.noveltylens.core.hull;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * A corpus with some rows left out, as the solvers see it: its hull is the hull of the other rows. The calibration
 * scores pieces of the corpus as if they were new text, against the corpus without their own passages and those next
 * to them in the source; this gives the solvers that corpus without copying it, in memory or in a SolrCloud collection.
 * The tolerances stay those of the whole corpus ({@link #spread()}), as for a query.
 */
public class OracleWithoutRows implements LinearOracle {

    private final LinearOracle corpus;
    private final int[] left;

    /** @param leftOut the rows the solvers must never see, in any order */
    public OracleWithoutRows(LinearOracle corpus, int[] leftOut) {
        this.corpus = corpus;
        this.left = leftOut.clone();
        Arrays.sort(this.left);
    }

    /** The same, over rows in principal-component coordinates: what the extrapolation depth asks. */
    public static ComponentOracle components(ComponentOracle corpus, int[] leftOut) {
        return new Components(corpus, leftOut);
    }

    private boolean isLeftOut(int row) {
        return Arrays.binarySearch(left, row) >= 0;
    }

    /** The corpus's: rows keep their numbers, the left-out ones are never answered. */
    @Override
    public int rows() {
        return corpus.rows();
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
        return corpus.vectors(rows);
    }

    @Override
    public int[] nearestRows(double[] point, int count) {
        return Arrays.stream(corpus.nearestRows(point, count + left.length)).filter(row -> !isLeftOut(row)).limit(count)
                .toArray();
    }

    /** The best {@code count + left out} rows hold the best {@code count} that are not left out. */
    @Override
    public Maximisers maximise(double[] direction, int count, FetchedRows held) {
        Maximisers found = corpus.maximise(direction, count + left.length, held);
        Integer[] byValue = IntStream.range(0, found.rows().length).filter(i -> !isLeftOut(found.rows()[i])).boxed()
                .sorted((a, b) -> Double.compare(found.values()[b], found.values()[a])).limit(count)
                .toArray(Integer[]::new);
        int[] rows = new int[byValue.length];
        double[] values = new double[byValue.length];
        float[][] vectors = new float[byValue.length][];
        for (int i = 0; i < byValue.length; i++) {
            rows[i] = found.rows()[byValue[i]];
            values[i] = found.values()[byValue[i]];
            vectors[i] = found.vectors()[byValue[i]];
        }
        return new Maximisers(rows, values, vectors, found.certified());
    }

    private static final class Components extends OracleWithoutRows implements ComponentOracle {

        private final ComponentOracle corpus;

        Components(ComponentOracle corpus, int[] leftOut) {
            super(corpus, leftOut);
            this.corpus = corpus;
        }

        @Override
        public ComponentOracle leadingComponents(int d) {
            return new Components(corpus.leadingComponents(d), super.left);
        }
    }
}
