package io.noveltylens.core.hull;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.noveltylens.core.math.FloatMatrix;

class HullDistanceTest {

    private static final int MANY = 100_000;

    private static HullDistanceResult distance(FloatMatrix corpus, double[] query) {
        HullDistance hull = new HullDistance(corpus);
        return hull.distance(query, hull.nearestRow(query), Deadline.NONE, MANY);
    }

    /** Oracle: a convex combination of corpus rows is in the hull by definition. */
    @Test
    void convexCombinationsOfTheCorpusAreInside() {
        Random random = new Random(21);
        for (int dim : new int[] { 3, 8, 30 }) {
            FloatMatrix corpus = Corpora.gaussian(200, dim, random);
            for (int trial = 0; trial < 10; trial++) {
                double[] query = Corpora.convexCombination(corpus, 1 + random.nextInt(2 * dim), random);
                HullDistanceResult result = distance(corpus, query);
                assertEquals(HullVerdict.INSIDE, result.verdict(), () -> "dim " + dim + ": " + result);
                assertTrue(result.upperBound() <= result.tolerance());
                assertTrue(result.converged());
            }
        }
    }

    /** Oracle: a point stepped t beyond a supporting hyperplane from the vertex that touches it is exactly t away. */
    @Test
    void pointsBeyondASupportingHyperplaneAreOutsideWithTheDistanceBracketed() {
        Random random = new Random(22);
        for (int dim : new int[] { 2, 16, 64 }) {
            FloatMatrix corpus = Corpora.gaussian(500, dim, random);
            for (double t : new double[] { 1e-3, 0.1, 2 }) {
                double[] query = Corpora.beyondSupportingHyperplane(corpus, t, random);
                HullDistanceResult result = distance(corpus, query);
                String context = "dim " + dim + ", t " + t + ": " + result;
                assertEquals(HullVerdict.OUTSIDE, result.verdict(), context);
                assertTrue(result.lowerBound() <= t * (1 + 1e-9), context);
                assertTrue(result.upperBound() >= t * (1 - 1e-9), context);
                assertTrue(
                        result.upperBound() - result.lowerBound() <= HullTolerance.RELATIVE_GAP * result.upperBound(),
                        context);
            }
        }
    }

    /**
     * Oracle: {@link Corpora#beyondFace}, a query exactly t from the interior of a face of several rows. Started at the
     * row farthest from the query, the solver has to move all the weight off it (away and pairwise steps, with line
     * search) onto face rows among thousands, more than one full pass adds to the working set, and the certified
     * bracket must hold t and put the hull point's weight on the face.
     */
    @Test
    void aFaceInteriorOptimumIsReachedFromTheFarthestVertex() {
        Random random = new Random(27);
        for (int dim : new int[] { 8, 32 }) {
            for (int faceSize : new int[] { 3, dim / 2 }) {
                for (double t : new double[] { 0.05, 1 }) {
                    Corpora.FaceQuery face = Corpora.beyondFace(3000, dim, faceSize, t, random);
                    HullDistance hull = new HullDistance(face.corpus());
                    int start = Corpora.farthestRow(face.corpus(), face.query());
                    HullDistanceResult result = hull.distance(face.query(), start, Deadline.NONE, MANY);
                    String context = "dim " + dim + ", face of " + faceSize + ", t " + t + ": " + result;
                    assertEquals(HullVerdict.OUTSIDE, result.verdict(), context);
                    assertTrue(result.converged() && result.certified(), context);
                    assertTrue(result.iterations() > 0, context);
                    assertTrue(result.lowerBound() <= t * (1 + 1e-9), context);
                    assertTrue(result.upperBound() >= t * (1 - 1e-9), context);
                    assertTrue(result.upperBound() <= t * (1 + HullTolerance.RELATIVE_GAP), context);
                    double onFace = result.vertices().stream()
                            .filter(vertex -> Arrays.stream(face.face()).anyMatch(row -> row == vertex.index()))
                            .mapToDouble(HullVertex::weight).sum();
                    assertTrue(onFace >= 1 - HullTolerance.RELATIVE_GAP * t,
                            "weight on the face " + onFace + ", " + context);
                }
            }
        }
    }

    /** Oracle: brute-force projection onto every face of hulls of 3-7 points, in low and medium dimension. */
    @Test
    void distanceAgreesWithExactProjectionOnSmallInstances() {
        Random random = new Random(23);
        for (int dim : new int[] { 2, 3, 10, 40 }) {
            for (int trial = 0; trial < 40; trial++) {
                int n = 3 + random.nextInt(5);
                FloatMatrix corpus = Corpora.gaussian(n, dim, random);
                double[] query = new double[dim];
                for (int j = 0; j < dim; j++) {
                    query[j] = 1.5 * random.nextGaussian();
                }
                double exact = ExactProjection.distance(corpus, query);
                HullDistanceResult result = distance(corpus, query);
                String context = "dim " + dim + ", n " + n + ", exact " + exact + ": " + result;
                assertTrue(result.converged(), context);
                assertTrue(result.lowerBound() <= exact * (1 + 1e-9) + 1e-12, context);
                assertTrue(result.upperBound() >= exact * (1 - 1e-9), context);
                assertTrue(result.upperBound() <= exact * (1 + HullTolerance.RELATIVE_GAP) + result.tolerance(),
                        context);
            }
        }
    }

    /** The reported vertices are the hull point: non-negative weights summing to one, at the upper bound's distance. */
    @Test
    void activeVerticesFormTheReportedHullPoint() {
        Random random = new Random(24);
        FloatMatrix corpus = Corpora.clusteredUnitVectors(3000, 32, 40, random);
        double[] query = Corpora.beyondSupportingHyperplane(corpus, 0.2, random);
        HullDistanceResult result = distance(corpus, query);
        double[] point = new double[corpus.cols()];
        double total = 0;
        for (HullVertex vertex : result.vertices()) {
            assertTrue(vertex.weight() > 0);
            total += vertex.weight();
            corpus.addScaledRow(vertex.index(), vertex.weight(), point);
        }
        assertEquals(1, total, 1e-12);
        assertEquals(result.upperBound(), Corpora.distance(point, query), 1e-12);
        for (int k = 1; k < result.vertices().size(); k++) {
            assertTrue(result.vertices().get(k).weight() <= result.vertices().get(k - 1).weight(), "heaviest first");
        }
    }

    /** Oracle (docs/design.md, Convex hull): a unit vector is in the hull of other unit vectors only if it equals one of them. */
    @Test
    void heldOutUnitVectorsAreProvedOutsideInFewIterations() {
        Random random = new Random(25);
        FloatMatrix all = Corpora.clusteredUnitVectors(5001, 128, 50, random);
        FloatMatrix corpus = all.selectRows(java.util.stream.IntStream.range(0, 5000).toArray());
        double[] query = toDouble(all.row(5000));
        HullDistance hull = new HullDistance(corpus);
        HullDistanceResult verdict = hull.verdict(query, hull.nearestRow(query), Deadline.NONE, MANY);
        assertEquals(HullVerdict.OUTSIDE, verdict.verdict(), verdict::toString);
        assertTrue(verdict.iterations() <= 5, verdict::toString);
        HullDistanceResult distance = hull.distance(query, hull.nearestRow(query), Deadline.NONE, MANY);
        assertTrue(distance.lowerBound() >= verdict.lowerBound(), "more iterations never lose the certified bound");
        assertTrue(distance.upperBound() <= verdict.upperBound());
    }

    /** An interior point started at a vertex cannot be proved in zero steps: honest UNDETERMINED with both bounds. */
    @Test
    void exhaustedBudgetGivesUndeterminedWithValidBounds() {
        Random random = new Random(26);
        FloatMatrix corpus = Corpora.gaussian(300, 20, random);
        double[] centre = corpus.columnMeans();
        HullDistance hull = new HullDistance(corpus);

        HullDistanceResult noIterations = hull.distance(centre, 0, Deadline.NONE, 0);
        assertEquals(HullVerdict.UNDETERMINED, noIterations.verdict());
        assertFalse(noIterations.converged());
        assertEquals(0, noIterations.iterations());
        assertEquals(0, noIterations.lowerBound(), "the centre is inside, so no hyperplane separates it");
        assertEquals(Corpora.distance(toDouble(corpus.row(0)), centre), noIterations.upperBound(), 1e-12);

        HullDistanceResult noTime = hull.distance(centre, 0, Deadline.after(Duration.ZERO), MANY);
        assertEquals(HullVerdict.UNDETERMINED, noTime.verdict());
        assertFalse(noTime.converged());
    }

    static double[] toDouble(float[] row) {
        double[] out = new double[row.length];
        for (int j = 0; j < row.length; j++) {
            out[j] = row[j];
        }
        return out;
    }
}
