package io.noveltylens.cli;

import java.io.PrintStream;
import java.util.List;

import io.noveltylens.core.analysis.HullReport;
import io.noveltylens.core.analysis.NoveltyReport;
import io.noveltylens.core.density.DensityReadout;
import io.noveltylens.core.exclude.MaskedText;
import io.noveltylens.core.index.Neighbour;

/**
 * A report for people reading a terminal: the verdict, every readout with its explanation, the neighbours; the hull
 * readouts follow when they arrive ({@link #printHull}), so the fast part is on screen first.
 */
final class ReportText {

    private static final int SNIPPET = 90;

    private ReportText() {
    }

    static void print(NoveltyReport report, PrintStream out) {
        out.println(report.headline());
        DensityReadout density = report.density();
        out.printf("  Density     %s (k = %d, mean distance %.3f between unit embeddings, range 0-2)%n",
                density.percentileExplanation(), density.k(), density.meanDistance());
        out.println("  Verbatim    " + report.verbatim().explanation());
        if (!report.excluded().isEmpty()) {
            out.println("  Left out    " + MaskedText.summary(report.excluded()) + " (see --exclude)");
        }
        if (report.embedding().windows() > 1) {
            out.println("  (embedded whole in " + report.embedding().windows() + " overlapping windows)");
        }
        out.println("  Nearest passages (exact cosine similarity of the embeddings):");
        printNeighbours(report.neighbours(), out);
    }

    private static void printNeighbours(List<Neighbour> neighbours, PrintStream out) {
        for (Neighbour neighbour : neighbours) {
            var source = neighbour.sources().get(0);
            out.printf("  %3d  %.3f  %s  [%s:%d]%n", neighbour.rank(), neighbour.cosine(), snippet(neighbour.text()),
                    source.source(), source.line());
        }
    }

    /** The nearest passages of the writer's own drafts, after the corpus's. */
    static void printDrafts(List<Neighbour> neighbours, PrintStream out) {
        out.println("  Nearest passages of your drafts (exact cosine similarity of the embeddings):");
        if (neighbours.isEmpty()) {
            out.println("       none: the drafts store holds no other passage");
        }
        printNeighbours(neighbours, out);
    }

    static void printHull(HullReport hull, PrintStream out) {
        out.println("  Hull        " + hull.distanceExplanation());
        out.println("  Depth       " + hull.depthExplanation());
    }

    private static String snippet(String text) {
        String oneLine = text.replaceAll("\\s+", " ");
        return oneLine.length() <= SNIPPET ? oneLine : oneLine.substring(0, SNIPPET - 3) + "...";
    }
}
