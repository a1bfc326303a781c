package io.noveltylens.core.compare;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import io.noveltylens.core.Progress;
import io.noveltylens.core.analysis.PrincipalPlane;
import io.noveltylens.core.annotate.AnnotationSummary;
import io.noveltylens.core.corpus.Provenance;
import io.noveltylens.core.hull.DepthVerdict;
import io.noveltylens.core.hull.HullMethod;
import io.noveltylens.core.hull.HullVerdict;
import io.noveltylens.core.math.FloatMatrix;
import io.noveltylens.core.math.Pca;

/**
 * Groups of passage scores drawn at random, with known depths, for the tests of the statistics, charts and report
 * that need no engine: a passage of depth D is inside up to D components and outside above, except that a passage
 * may have its curve cut by the budget (undetermined beyond its depth).
 */
public final class SyntheticGroups {

    public static final int[] DIMENSIONS = { 1, 2, 3, 4, 6, 8, 12, 16, 24, 32, 48, 64 };

    private SyntheticGroups() {
    }

    /**
     * {@code passages} scores whose readouts are uniform on [shift, shift + 50) (a percentile-like range), whose
     * depth is a dimension drawn up to {@code maxDepthIndex} of {@link #DIMENSIONS}, and every 7th of which is
     * undetermined above its depth.
     */
    public static GroupScores group(String name, int passages, double shift, int maxDepthIndex, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<PassageScore> scores = new ArrayList<>();
        for (int p = 0; p < passages; p++) {
            double[] readouts = new double[Readout.values().length];
            for (int r = 0; r < readouts.length; r++) {
                readouts[r] = Math.floor(shift + 50 * random.nextDouble());
            }
            int depthIndex = random.nextInt(maxDepthIndex + 1);
            scores.add(new PassageScore(new Provenance(name + ".txt", 10 * p, 10 * p + 9, p + 1), readouts,
                    curve(depthIndex, p % 7 == 0).stream().map(CurvePoint::of).toList(),
                    random.nextGaussian() + shift / 50, random.nextGaussian()));
        }
        return new GroupScores(new Group(name, List.of(Path.of(name))), scores,
                new AnnotationSummary(1, passages, List.of()));
    }

    /** A plane fitted to {@code points} random 8-d points, all of them its corpus sample. */
    public static PrincipalPlane plane(int points, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[][] rows = new float[points][8];
        for (float[] row : rows) {
            for (int j = 0; j < row.length; j++) {
                row[j] = (float) (random.nextGaussian() * (8 - j));
            }
        }
        Pca pca = Pca.fit(FloatMatrix.of(rows), 2, Progress.NONE);
        List<double[]> sample = new ArrayList<>();
        for (float[] row : rows) {
            sample.add(pca.project(row, 2));
        }
        double[] variance = pca.explainedVariance();
        return new PrincipalPlane(pca, sample, (variance[0] + variance[1]) / pca.totalVariance());
    }

    /** Inside up to DIMENSIONS[depthIndex], then outside (or undetermined when {@code cut}). */
    public static List<DepthVerdict> curve(int depthIndex, boolean cut) {
        List<DepthVerdict> curve = new ArrayList<>();
        for (int i = 0; i < DIMENSIONS.length; i++) {
            int d = DIMENSIONS[i];
            if (i <= depthIndex) {
                curve.add(new DepthVerdict(d, HullVerdict.INSIDE, DepthVerdict.Basis.PROVED, HullMethod.LP, d));
            } else if (cut) {
                curve.add(new DepthVerdict(d, HullVerdict.UNDETERMINED, DepthVerdict.Basis.UNDECIDED, HullMethod.LP,
                        -1));
            } else {
                curve.add(new DepthVerdict(d, HullVerdict.OUTSIDE, DepthVerdict.Basis.PROVED,
                        HullMethod.FRANK_WOLFE, d));
            }
        }
        return curve;
    }
}
