package io.noveltylens.core.chart;

import java.awt.Rectangle;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;

import io.noveltylens.core.CoreText;
import io.noveltylens.core.NoveltyException;
import io.noveltylens.core.analysis.PrincipalPlane;
import io.noveltylens.core.compare.Comparison;
import io.noveltylens.core.compare.GroupScores;

/**
 * A chart as an SVG document (JFreeSVG: text stays text, so a reader can search and a journal can edit it) and as a
 * PNG (JFreeChart's own encoder), drawn off screen with Java2D: no display and no SWT, so the command line and the
 * IDE write the same files.
 */
public final class ChartImages {

    public static final int WIDTH = 900;
    public static final int HEIGHT = 560;

    private ChartImages() {
    }

    /**
     * A comparison's three charts (distributions, in-hull share, map) as PNGs at the default size: for a view that
     * shows images and need not know the charting library.
     */
    public static List<byte[]> pngs(Comparison comparison, PrincipalPlane plane, List<GroupScores> groups) {
        return charts(comparison, plane, groups).stream().map(chart -> png(chart, WIDTH, HEIGHT)).toList();
    }

    /** Writes a comparison's three charts as SVG and PNG into {@code folder}, named by their file stems. */
    public static void writeAll(Comparison comparison, PrincipalPlane plane, List<GroupScores> groups, Path folder)
            throws NoveltyException {
        List<JFreeChart> charts = charts(comparison, plane, groups);
        List<String> stems = List.of(ComparisonCharts.DISTRIBUTIONS, ComparisonCharts.IN_HULL, ComparisonCharts.MAP);
        for (int i = 0; i < charts.size(); i++) {
            write(charts.get(i), folder, stems.get(i));
        }
    }

    private static List<JFreeChart> charts(Comparison comparison, PrincipalPlane plane, List<GroupScores> groups) {
        return List.of(ComparisonCharts.distributions(comparison), ComparisonCharts.inHullShares(comparison),
                ComparisonCharts.map(plane, groups));
    }

    /** A standalone SVG document with the XML declaration. */
    public static String svg(JFreeChart chart, int width, int height) {
        return drawn(chart, width, height).getSVGDocument();
    }

    /** The {@code <svg>} element alone, for inlining into an HTML page. */
    public static String svgElement(JFreeChart chart, int width, int height) {
        return drawn(chart, width, height).getSVGElement();
    }

    /**
     * Coordinates rounded to a hundredth of a pixel: JFreeSVG writes floats in full, which made the map of 1,500
     * corpus points 2 MB; at a hundredth no renderer draws a difference.
     */
    private static SVGGraphics2D drawn(JFreeChart chart, int width, int height) {
        SVGGraphics2D g2 = new SVGGraphics2D(width, height);
        g2.setGeomDoubleConverter(ChartImages::hundredths);
        chart.draw(g2, new Rectangle(width, height));
        return g2;
    }

    private static String hundredths(double value) {
        return Double.toString(Math.round(value * 100) / 100.0);
    }

    public static byte[] png(JFreeChart chart, int width, int height) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ChartUtils.writeChartAsPNG(bytes, chart, width, height);
        } catch (IOException e) {
            // ImageIO writing into memory: only a bug (no PNG writer in the runtime) gets here
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Writes {@code folder/STEM.svg} and {@code folder/STEM.png} at the default size; returns both paths. */
    public static List<Path> write(JFreeChart chart, Path folder, String stem) throws NoveltyException {
        Path svg = folder.resolve(stem + ".svg");
        Path png = folder.resolve(stem + ".png");
        try {
            Files.createDirectories(folder);
            Files.writeString(svg, svg(chart, WIDTH, HEIGHT), StandardCharsets.UTF_8);
            Files.write(png, png(chart, WIDTH, HEIGHT));
        } catch (IOException e) {
            throw new NoveltyException(NoveltyException.Kind.IO,
                    CoreText.bind(CoreText.ChartImages_writeFailed, folder, e), e);
        }
        return List.of(svg, png);
    }
}
