package io.noveltylens.core.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.jfree.chart.JFreeChart;

import io.noveltylens.core.CoreText;
import io.noveltylens.core.NoveltyException;
import io.noveltylens.core.ReplacedFile;
import io.noveltylens.core.analysis.PrincipalPlane;
import io.noveltylens.core.chart.ChartImages;
import io.noveltylens.core.chart.ComparisonCharts;
import io.noveltylens.core.compare.Comparison;
import io.noveltylens.core.compare.GroupScores;
import io.noveltylens.core.compare.GroupSummary;
import io.noveltylens.core.compare.HullShare;
import io.noveltylens.core.compare.PairComparison;
import io.noveltylens.core.compare.Readout;
import io.noveltylens.core.corpus.SkippedSource;
import io.noveltylens.core.corpus.SourceDigest;
import io.noveltylens.core.index.HullData;
import io.noveltylens.core.stats.GroupDifference;
import io.noveltylens.core.stats.Interval;
import io.noveltylens.core.stats.Quartiles;

/**
 * A comparison as one self-contained HTML page: the statistics, the three plots inline as SVG (no file beside it, no
 * script, no web font), how each number is computed, and the corpus and model fingerprints and command that made it.
 * A researcher can put the file into a paper's supplement as it is.
 */
public final class ComparisonReport {

    public static final String FILE_NAME = "report.html";

    private final RunDescription run;
    private final List<GroupScores> groups;
    private final Comparison comparison;
    private final PrincipalPlane plane;

    public ComparisonReport(RunDescription run, List<GroupScores> groups, Comparison comparison,
            PrincipalPlane plane) {
        this.run = run;
        this.groups = List.copyOf(groups);
        this.comparison = comparison;
        this.plane = plane;
    }

    /** Writes the page to {@code file}, which appears under its name only when complete. */
    public void write(Path file) throws NoveltyException {
        Path absolute = file.toAbsolutePath().normalize();
        try {
            Files.createDirectories(absolute.getParent());
            ReplacedFile.write(absolute, html());
        } catch (IOException e) {
            throw new NoveltyException(NoveltyException.Kind.IO,
                    CoreText.bind(CoreText.ComparisonReport_writeFailed, absolute, e), e);
        }
    }

    /** The page. */
    public String html() {
        StringBuilder page = new StringBuilder(64 * 1024);
        page.append(
                "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>Novelty Lens comparison: ")
                .append(escape(String.join(" vs ", comparison.groups().stream().map(GroupSummary::name).toList())))
                .append("</title>\n<style>body{font-family:sans-serif;max-width:60em;margin:2em auto;line-height:1.4}"
                        + "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:.2em .5em;"
                        + "text-align:right}th:first-child,td:first-child{text-align:left}code,pre{background:#f4f4f4}"
                        + "svg{max-width:100%;height:auto}</style></head><body>\n");
        page.append("<h1>Novelty Lens comparison</h1>\n");
        groupsSection(page);
        distributionsSection(page);
        differencesSection(page);
        inHullSection(page);
        plotsSection(page);
        methodSection(page);
        provenanceSection(page);
        return page.append("</body></html>\n").toString();
    }

    private void groupsSection(StringBuilder page) {
        page.append("<h2>Groups</h2>\n<table><tr><th>group</th><th>files and folders</th><th>files read</th>"
                + "<th>passages</th><th>skipped</th></tr>\n");
        for (GroupScores group : groups) {
            page.append("<tr><td>").append(escape(group.name())).append("</td><td>")
                    .append(escape(String.join(", ", group.group().roots().stream().map(Path::toString).toList())))
                    .append("</td><td>").append(group.summary().files()).append("</td><td>")
                    .append(group.passages().size()).append("</td><td>");
            for (SkippedSource skipped : group.summary().skipped()) {
                page.append(escape(skipped.source() + ": " + skipped.reason())).append("<br>");
            }
            page.append("</td></tr>\n");
        }
        page.append("</table>\n");
    }

    private void distributionsSection(StringBuilder page) {
        page.append("<h2>Distributions</h2>\n<p>Percentiles against the corpus's own text of the passage's length "
                + "(50 = as novel as ordinary corpus text of that length; higher = more novel).</p>\n"
                + "<table><tr><th>group</th><th>readout</th><th>n</th><th>median</th><th>quartiles</th>"
                + "<th>min-max</th></tr>\n");
        for (GroupSummary group : comparison.groups()) {
            for (Readout readout : Readout.values()) {
                Quartiles q = group.distributions().get(readout);
                if (q != null) {
                    page.append("<tr><td>").append(escape(group.name())).append("</td><td><code>")
                            .append(readout.field()).append("</code></td><td>").append(q.n()).append("</td><td>")
                            .append(number(q.median())).append("</td><td>").append(number(q.lowerQuartile()))
                            .append(" - ").append(number(q.upperQuartile())).append("</td><td>")
                            .append(number(q.min())).append(" - ").append(number(q.max())).append("</td></tr>\n");
                }
            }
        }
        page.append("</table>\n");
    }

    private void differencesSection(StringBuilder page) {
        int level = (int) Math.round(100 * comparison.bootstrap().level());
        page.append("<h2>Differences between groups</h2>\n<p>Each row compares the second group with the first: "
                + "the difference of medians (second minus first) and the AUROC (the probability that a passage of "
                + "the second group scores higher than one of the first; 0.5 = no difference), each with its ")
                .append(level).append(" % bootstrap interval, and the two-sided Mann-Whitney U test.")
                .append(comparison.groups().size() > 2 ? " The p-values are not corrected for the number of pairs."
                        : "")
                .append("</p>\n<table><tr><th>second vs first</th><th>readout</th><th>median difference</th><th>")
                .append(level).append(" % interval</th><th>AUROC</th><th>").append(level)
                .append(" % interval</th><th>U</th><th>p</th></tr>\n");
        for (PairComparison pair : comparison.pairs()) {
            GroupDifference d = pair.difference();
            page.append("<tr><td>").append(escape(pair.second() + " vs " + pair.first())).append("</td><td><code>")
                    .append(pair.readout().field()).append("</code></td><td>").append(signed(d.medianDifference()))
                    .append("</td><td>").append(interval(d.medianDifferenceInterval(), true)).append("</td><td>")
                    .append(String.format(Locale.ROOT, "%.3f", d.auroc())).append("</td><td>")
                    .append(interval(d.aurocInterval(), false)).append("</td><td>")
                    .append(number(d.rankSum().u())).append("</td><td>").append(pValue(d.rankSum().pValue()))
                    .append(d.rankSum().exact() ? " (exact)" : " (normal approx.)").append("</td></tr>\n");
        }
        page.append("</table>\n");
    }

    private void inHullSection(StringBuilder page) {
        page.append("<h2>Inside the corpus's convex hull, by number of principal components</h2>\n<p>The share of "
                + "each group's passages whose projection on the corpus's first d principal components lies inside "
                + "the corpus's projected hull (").append(HullData.SPACE).append("). Passages the time budget left "
                        + "undetermined at a d are counted in brackets; the share inside is then at least the "
                        + "first figure.</p>\n<table><tr><th>group</th>");
        List<Integer> dimensions = comparison.groups().stream().flatMap(g -> g.inHull().stream())
                .map(HullShare::dimension).distinct().sorted().toList();
        dimensions.forEach(d -> page.append("<th>d = ").append(d).append("</th>"));
        page.append("</tr>\n");
        for (GroupSummary group : comparison.groups()) {
            page.append("<tr><td>").append(escape(group.name())).append("</td>");
            for (int d : dimensions) {
                HullShare share = group.inHull().stream().filter(s -> s.dimension() == d).findFirst().orElse(null);
                page.append("<td>");
                if (share != null) {
                    page.append(String.format(Locale.ROOT, "%.0f %%", 100 * share.share()));
                    if (share.undetermined() > 0) {
                        page.append(" (").append(share.undetermined()).append(" undet.)");
                    }
                }
                page.append("</td>");
            }
            page.append("</tr>\n");
        }
        page.append("</table>\n");
    }

    private void plotsSection(StringBuilder page) {
        page.append("<h2>Plots</h2>\n");
        figure(page, ComparisonCharts.distributions(comparison), "Boxes: quartiles and median; whiskers: smallest "
                + "and largest value.");
        figure(page, ComparisonCharts.inHullShares(comparison), "The seed question's picture: where a group's curve "
                + "falls, its passages stop interpolating the corpus and extrapolate beyond it.");
        figure(page, ComparisonCharts.map(plane, groups), "A projection: the two axes keep "
                + String.format(Locale.ROOT, "%.0f %%", 100 * plane.varianceShown())
                + " of the corpus's variance; every readout above is computed in the full space, not here.");
    }

    private static void figure(StringBuilder page, JFreeChart chart, String caption) {
        page.append("<figure>").append(ChartImages.svgElement(chart, ChartImages.WIDTH, ChartImages.HEIGHT))
                .append("<figcaption>").append(escape(caption)).append("</figcaption></figure>\n");
    }

    private void methodSection(StringBuilder page) {
        page.append("<h2>How the numbers are computed</h2>\n<ul>\n<li><code>density.percentile</code>: mean distance "
                + "to the k nearest corpus passages (unit embeddings), as a percentile among corpus text of the "
                + "passage's length. <code>hull.percentile</code>: the distance to the corpus's convex hull in the "
                + "full space (Frank-Wolfe), likewise. <code>hull.depth.percentile</code>: how shallow the "
                + "extrapolation depth is (the largest number of principal components in which the passage is "
                + "inside the projected hull), likewise.</li>\n<li>Quartiles: Hyndman and Fan type 7 (R's and "
                + "NumPy's default).</li>\n<li>Intervals: percentile bootstrap, ")
                .append(comparison.bootstrap().replicates()).append(" replicates, each group resampled on its own, "
                        + "seed ")
                .append(comparison.bootstrap().seed()).append(" (the same seed gives the same intervals).</li>\n"
                        + "<li>Mann-Whitney U (Apache Commons Statistics): exact when both groups have fewer than "
                        + "50 passages and no ties, else the normal approximation with tie and continuity "
                        + "corrections.</li>\n</ul>\n");
    }

    private void provenanceSection(StringBuilder page) {
        page.append("<h2>Provenance</h2>\n<pre>").append(escape(run.command())).append("</pre>\n<p>")
                .append(escape(run.tool())).append(", ").append(run.generatedAt()).append("</p>\n<p>Corpus: ")
                .append(escape(run.corpusLocation())).append("; ").append(run.corpus().passages())
                .append(" passages, built ").append(escape(run.corpus().builtAt())).append(" (format ")
                .append(run.corpus().formatVersion()).append(").<br>Model ").append(escape(run.corpus().modelId()))
                .append(", ONNX SHA-256 <code>").append(escape(run.corpus().modelSha256()))
                .append("</code>, tokenizer SHA-256 <code>").append(escape(run.corpus().tokenizerSha256()))
                .append("</code>.</p>\n<table><tr><th>corpus source</th><th>passages</th><th>SHA-256</th></tr>\n");
        for (SourceDigest source : run.corpus().sources()) {
            page.append("<tr><td>").append(escape(source.source())).append("</td><td>").append(source.passages())
                    .append("</td><td><code>").append(escape(source.sha256())).append("</code></td></tr>\n");
        }
        page.append("</table>\n");
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static String signed(double value) {
        return String.format(Locale.ROOT, "%+.1f", value);
    }

    private static String interval(Interval interval, boolean percentPoints) {
        return percentPoints ? "[" + signed(interval.lower()) + ", " + signed(interval.upper()) + "]"
                : String.format(Locale.ROOT, "[%.3f, %.3f]", interval.lower(), interval.upper());
    }

    private static String pValue(double p) {
        return p < 1e-4 ? String.format(Locale.ROOT, "%.1e", p) : String.format(Locale.ROOT, "%.4f", p);
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
