package io.noveltylens.core.chart;

import java.awt.BasicStroke;
import java.awt.geom.Ellipse2D;
import java.util.List;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import io.noveltylens.core.history.SaveReading;

/**
 * A document's novelty over its saves: one point per save (numbered from the oldest kept), at its word-weighted mean
 * density percentile ({@link SaveReading#novelty()}), on the fixed 0-100 scale so that two documents' plots compare.
 */
public final class HistoryChart {

    /** The series' name, which an SVG of the chart carries. */
    public static final String SERIES = "novelty per save";

    private HistoryChart() {
    }

    /** The plot as a PNG: for a view that shows images and need not know the charting library. */
    public static byte[] png(List<SaveReading> saves, int width, int height) {
        return ChartImages.png(of(saves), width, height);
    }

    /** The saves of one corpus, oldest first ({@code DocumentHistory.on}); saves without paragraphs are skipped. */
    public static JFreeChart of(List<SaveReading> saves) {
        XYSeries series = new XYSeries(SERIES, false, false);
        for (int i = 0; i < saves.size(); i++) {
            double novelty = saves.get(i).novelty();
            if (!Double.isNaN(novelty)) {
                series.add(i + 1, novelty);
            }
        }
        JFreeChart chart = ChartFactory.createXYLineChart(null, "save", "percentile",
                new XYSeriesCollection(series), PlotOrientation.VERTICAL, false, false, false);
        XYPlot plot = chart.getXYPlot();
        ((NumberAxis) plot.getRangeAxis()).setRange(0, 100);
        NumberAxis saveAxis = (NumberAxis) plot.getDomainAxis();
        saveAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        // half a save of room on each side, so the first and last points are not cut by the frame
        saveAxis.setRange(0.5, Math.max(1, saves.size()) + 0.5);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        renderer.setSeriesPaint(0, ComparisonCharts.groupColour(1));
        renderer.setSeriesStroke(0, new BasicStroke(2f));
        renderer.setSeriesShape(0, new Ellipse2D.Double(-4, -4, 8, 8));
        plot.setRenderer(renderer);
        return ComparisonCharts.styled(chart);
    }
}
