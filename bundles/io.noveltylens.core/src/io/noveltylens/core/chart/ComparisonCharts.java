package io.noveltylens.core.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Paint;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import java.util.Locale;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BoxAndWhiskerRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.statistics.BoxAndWhiskerItem;
import org.jfree.data.statistics.DefaultBoxAndWhiskerCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import io.noveltylens.core.analysis.PrincipalPlane;
import io.noveltylens.core.compare.Comparison;
import io.noveltylens.core.compare.GroupScores;
import io.noveltylens.core.compare.GroupSummary;
import io.noveltylens.core.compare.HullShare;
import io.noveltylens.core.compare.PassageScore;
import io.noveltylens.core.compare.Readout;
import io.noveltylens.core.index.HullData;
import io.noveltylens.core.stats.Quartiles;

/**
 * The three pictures of a comparison, as JFreeChart charts that {@link ChartImages} writes as SVG and PNG (and a view
 * can draw): the distribution of each readout per group, the in-hull share over the number of principal components
 * per group, and a map of the passages over the corpus on its first two principal components. Each group keeps its
 * colour in all three. The charts mark their elements (JFreeChart's element hinting), so an SVG names each series.
 */
public final class ComparisonCharts {

    /** File stems of the three charts. */
    public static final String DISTRIBUTIONS = "distributions";
    public static final String IN_HULL = "in-hull-share";
    public static final String MAP = "projection-map";

    /** Okabe and Ito's palette, told apart with every common colour-vision deficiency. */
    private static final Color[] GROUP_COLOURS = { new Color(0xE69F00), new Color(0x0072B2), new Color(0x009E73),
            new Color(0xD55E00), new Color(0xCC79A7), new Color(0x56B4E9), new Color(0xF0E442), Color.BLACK };
    private static final Color CORPUS_COLOUR = new Color(0xBBBBBB);
    /** The map's corpus series; a group of this name would be told apart by colour only. */
    public static final String CORPUS_SERIES = "corpus (sample)";

    private ComparisonCharts() {
    }

    /** The colour of the {@code index}-th group in every chart. */
    public static Color groupColour(int index) {
        return GROUP_COLOURS[index % GROUP_COLOURS.length];
    }

    /**
     * One box per group and readout: the box spans the quartiles, the line inside is the median, the whiskers reach
     * the smallest and the largest value (not Tukey's 1.5 IQR), so the picture shows exactly the table's numbers.
     */
    public static JFreeChart distributions(Comparison comparison) {
        DefaultBoxAndWhiskerCategoryDataset dataset = new DefaultBoxAndWhiskerCategoryDataset();
        for (GroupSummary group : comparison.groups()) {
            for (Readout readout : Readout.values()) {
                Quartiles q = group.distributions().get(readout);
                if (q != null) {
                    dataset.add(new BoxAndWhiskerItem(null, q.median(), q.lowerQuartile(), q.upperQuartile(), q.min(),
                            q.max(), null, null, List.of()), group.name(), readout.label());
                }
            }
        }
        JFreeChart chart = ChartFactory.createBoxAndWhiskerChart(
                "Readouts per group (percentiles against corpus text of the same length)", null,
                "percentile (higher = more novel)", dataset, true);
        CategoryPlot plot = chart.getCategoryPlot();
        ((NumberAxis) plot.getRangeAxis()).setRange(0, 100);
        BoxAndWhiskerRenderer renderer = (BoxAndWhiskerRenderer) plot.getRenderer();
        renderer.setMeanVisible(false);
        renderer.setMaximumBarWidth(0.12);
        for (int g = 0; g < comparison.groups().size(); g++) {
            renderer.setSeriesPaint(g, groupColour(g));
        }
        return styled(chart);
    }

    /**
     * The share of each group's passages inside the corpus's hull projected on its first d principal components,
     * over d: where a group's curve falls, its passages stop interpolating the corpus.
     */
    public static JFreeChart inHullShares(Comparison comparison) {
        XYSeriesCollection dataset = new XYSeriesCollection();
        for (GroupSummary group : comparison.groups()) {
            XYSeries series = new XYSeries(group.name(), true, false);
            for (HullShare share : group.inHull()) {
                series.add(share.dimension(), 100 * share.share());
            }
            dataset.addSeries(series);
        }
        JFreeChart chart = ChartFactory.createXYLineChart(
                "Share inside the corpus's convex hull, by number of principal components",
                "principal components of the corpus's " + HullData.SPACE, "% of the group's passages inside",
                dataset, PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        ((NumberAxis) plot.getRangeAxis()).setRange(0, 100);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        for (int g = 0; g < comparison.groups().size(); g++) {
            renderer.setSeriesPaint(g, groupColour(g));
            renderer.setSeriesStroke(g, new BasicStroke(2f));
        }
        plot.setRenderer(renderer);
        return styled(chart);
    }

    /**
     * Every passage of every group over a sample of the corpus, on the corpus's first two principal components. The
     * title says it is a projection and how much of the corpus's variance the plane keeps.
     */
    public static JFreeChart map(PrincipalPlane plane, List<GroupScores> groups) {
        XYSeriesCollection dataset = new XYSeriesCollection();
        XYSeries corpus = new XYSeries(CORPUS_SERIES, false, true);
        plane.corpusSample().forEach(p -> corpus.add(p[0], p[1]));
        dataset.addSeries(corpus);
        for (GroupScores group : groups) {
            XYSeries series = new XYSeries(group.name(), false, true);
            for (PassageScore passage : group.passages()) {
                series.add(passage.x(), passage.y());
            }
            dataset.addSeries(series);
        }
        JFreeChart chart = ChartFactory.createScatterPlot(String.format(Locale.ROOT,
                "Projection on the corpus's first two principal components (%.0f %% of its variance; "
                        + "distances are not preserved)",
                100 * plane.varianceShown()), axis(plane, 0), axis(plane, 1), dataset, PlotOrientation.VERTICAL,
                true, false, false);
        XYPlot plot = chart.getXYPlot();
        XYLineAndShapeRenderer renderer = (XYLineAndShapeRenderer) plot.getRenderer();
        renderer.setSeriesPaint(0, CORPUS_COLOUR);
        // squares: in SVG a square is a quarter of a circle's path, and the corpus has 1,500 of them
        renderer.setSeriesShape(0, new Rectangle2D.Double(-1.5, -1.5, 3, 3));
        for (int g = 0; g < groups.size(); g++) {
            renderer.setSeriesPaint(g + 1, groupColour(g));
            renderer.setSeriesShape(g + 1, new Ellipse2D.Double(-3, -3, 6, 6));
        }
        return styled(chart);
    }

    private static String axis(PrincipalPlane plane, int axis) {
        return String.format(Locale.ROOT, "principal component %d (%.1f %% of the variance)", axis + 1,
                100 * plane.varianceShown(axis));
    }

    /** White backgrounds and a smaller title, as every chart of ours. */
    static JFreeChart styled(JFreeChart chart) {
        chart.setElementHinting(true);
        if (chart.getTitle() != null) {
            chart.getTitle().setFont(chart.getTitle().getFont().deriveFont(13f));
        }
        Paint white = Color.WHITE;
        chart.setBackgroundPaint(white);
        chart.getPlot().setBackgroundPaint(white);
        return chart;
    }
}
