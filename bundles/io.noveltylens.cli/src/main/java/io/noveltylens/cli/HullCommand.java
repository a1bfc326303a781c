package io.noveltylens.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

import io.noveltylens.core.NoveltyException;
import io.noveltylens.core.NoveltyException.Kind;
import io.noveltylens.core.Progress;
import io.noveltylens.core.analysis.HullMeasurement;
import io.noveltylens.core.analysis.PointSetHull;
import io.noveltylens.core.hull.DepthVerdict;
import io.noveltylens.core.hull.ExtrapolationDepthResult;
import io.noveltylens.core.hull.HullDistanceResult;
import io.noveltylens.core.math.FloatMatrix;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code novelty hull}: the hull readouts on vectors the user brings, from any model. */
@Command(name = "hull", description = { "Convex-hull distance and extrapolation depth of your own vectors.", "", """
        Is each query vector inside the convex hull of the points (Balestriero, Pesenti and LeCun 2021)? Prints the \
        verdict with a certified bracket on the Euclidean distance to the hull (pairwise Frank-Wolfe; OUTSIDE is \
        proved by a separating hyperplane), and the extrapolation depth: the largest number of leading principal \
        components of the points in which the query is still inside their hull, with the curve (I inside, O \
        outside, U undetermined). FILE: whitespace/tab-separated UTF-8 text or .npy (float32/float64), one vector \
        per row; no NaN or infinite values.""" })
final class HullCommand implements Callable<Integer> {

    private final PrintStream out;
    private final Progress progress;

    @Spec
    private CommandSpec command;

    @Option(names = "--points", paramLabel = "FILE", required = true, description = "the points whose hull is tested")
    private Path pointsFile;

    @Option(names = "--query", paramLabel = "FILE", required = true, description = "the query vectors")
    private Path queryFile;

    @Option(names = "--budget-ms", paramLabel = "N", description = "time allowed per query (default: "
            + "${DEFAULT-VALUE})")
    private int budgetMillis = 10_000;

    HullCommand(PrintStream out, Progress progress) {
        this.out = out;
        this.progress = progress;
    }

    @Override
    public Integer call() throws Exception {
        Duration budget = Duration.ofMillis(WholeNumbers.within(command, "--budget-ms", budgetMillis, 1, 3_600_000));
        FloatMatrix points = VectorFile.read(pointsFile);
        FloatMatrix queries = VectorFile.read(queryFile);
        if (queries.cols() != points.cols()) {
            throw new NoveltyException(Kind.BAD_INPUT, "The query vectors have " + queries.cols()
                    + " values per row but the points have " + points.cols() + ": both must come from the same space.");
        }
        if (points.rows() < 2) {
            throw new NoveltyException(Kind.BAD_INPUT,
                    "The hull needs at least 2 points; the file has " + points.rows() + ".");
        }
        PointSetHull hull = PointSetHull.of(points, progress);
        int components = hull.components();
        for (int row = 0; row < queries.rows(); row++) {
            HullMeasurement measured = hull.measure(queries.row(row), budget);
            HullDistanceResult result = measured.distance();
            ExtrapolationDepthResult sweep = measured.depth();
            out.printf(
                    "query %d: %s; distance to the hull in [%.6g, %.6g]%s; extrapolation depth %d of %d components%s%n",
                    row + 1, result.verdict(), result.lowerBound(), result.upperBound(),
                    result.converged() ? "" : " (budget reached)", sweep.depth(), components,
                    sweep.complete() ? "" : " (incomplete)");
            StringBuilder curve = new StringBuilder("  curve:");
            for (DepthVerdict point : sweep.curve()) {
                curve.append(' ').append(point.dimension()).append('=').append(point.verdict().name().charAt(0));
            }
            out.println(curve);
        }
        return ExitCodes.OK;
    }
}
