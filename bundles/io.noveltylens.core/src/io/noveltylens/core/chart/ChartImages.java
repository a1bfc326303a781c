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
