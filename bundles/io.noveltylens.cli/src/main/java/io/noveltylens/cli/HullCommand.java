package io.noveltylens.cli;

import java.io.BufferedReader;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import io.noveltylens.core.NoveltyException;
import io.noveltylens.core.NoveltyException.Kind;
import io.noveltylens.core.Progress;
import io.noveltylens.core.analysis.HullMeasurement;
import io.noveltylens.core.analysis.PointSetHull;
import io.noveltylens.core.hull.DepthVerdict;
import io.noveltylens.core.hull.ExtrapolationDepthResult;
import io.noveltylens.core.hull.HullDistanceResult;
import io.noveltylens.core.math.FloatMatrix;

/** {@code novelty hull}: the hull readouts on vectors the user brings, from any model. */
final class HullCommand implements Command {

    @Override
    public int run(List<String> args, BufferedReader in, PrintStream out, Progress progress) throws Exception {
        Arguments arguments = Arguments.parse(args, Set.of("points", "query", "budget-ms"), Set.of()); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
        if (arguments.value("points") == null || arguments.value("query") == null) { //$NON-NLS-1$ //$NON-NLS-2$
            throw new UsageException("give --points FILE and --query FILE"); //$NON-NLS-1$
        }
        FloatMatrix points = VectorFile.read(Path.of(arguments.value("points"))); //$NON-NLS-1$
        FloatMatrix queries = VectorFile.read(Path.of(arguments.value("query"))); //$NON-NLS-1$
        if (queries.cols() != points.cols()) {
            throw new NoveltyException(Kind.BAD_INPUT, "The query vectors have " + queries.cols() //$NON-NLS-1$
                    + " values per row but the points have " + points.cols() + ": both must come from the same space."); //$NON-NLS-1$ //$NON-NLS-2$
        }
        if (points.rows() < 2) {
            throw new NoveltyException(Kind.BAD_INPUT, "The hull needs at least 2 points; the file has " + points.rows() + "."); //$NON-NLS-1$ //$NON-NLS-2$
        }
        Duration budget = Duration.ofMillis(arguments.intValue("budget-ms", 10_000, 1, 3_600_000)); //$NON-NLS-1$
        PointSetHull hull = PointSetHull.of(points, progress);
        int components = hull.components();
        for (int row = 0; row < queries.rows(); row++) {
            HullMeasurement measured = hull.measure(queries.row(row), budget);
            HullDistanceResult result = measured.distance();
            ExtrapolationDepthResult sweep = measured.depth();
            out.printf("query %d: %s; distance to the hull in [%.6g, %.6g]%s; extrapolation depth %d of %d components%s%n", //$NON-NLS-1$
                    row + 1, result.verdict(), result.lowerBound(), result.upperBound(),
                    result.converged() ? "" : " (budget reached)", sweep.depth(), components, //$NON-NLS-1$ //$NON-NLS-2$
                    sweep.complete() ? "" : " (incomplete)"); //$NON-NLS-1$ //$NON-NLS-2$
            StringBuilder curve = new StringBuilder("  curve:"); //$NON-NLS-1$
            for (DepthVerdict point : sweep.curve()) {
                curve.append(' ').append(point.dimension()).append('=').append(point.verdict().name().charAt(0));
            }
            out.println(curve);
        }
        return Main.OK;
    }

    @Override
    public String help() {
        return """
                Usage: novelty hull --points FILE --query FILE [--budget-ms N]

                Is each query vector inside the convex hull of the points (Balestriero, Pesenti and LeCun 2021)?
                Prints the verdict with a certified bracket on the Euclidean distance to the hull (pairwise
                Frank-Wolfe; OUTSIDE is proved by a separating hyperplane), and the extrapolation depth: the largest
                number of leading principal components of the points in which the query is still inside their hull,
                with the curve (I inside, O outside, U undetermined). FILE: whitespace/tab-separated text or .npy
                (float32/float64), one vector per row; no NaN or infinite values.
                  --budget-ms N  time allowed per query (default 10000)
                """;
    }
}
