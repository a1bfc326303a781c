package io.noveltylens.core.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.List;

import javax.imageio.ImageIO;

import org.jfree.chart.JFreeChart;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;

import io.noveltylens.core.analysis.MatchLevel;
import io.noveltylens.core.history.ParagraphReading;
import io.noveltylens.core.history.SaveReading;

/** The history plot: one point per save at the save's word-weighted novelty, drawn as a PNG. */
class HistoryChartTest {

    /**
     * Oracle: the weighted means worked out by hand: (20 * 10 + 80 * 30) / 40 = 65, then 50, then 90; a save without
     * paragraphs has no point, and the others keep their save numbers.
     */
    @Test
    void onePointPerSaveAtItsWeightedNovelty() throws Exception {
        List<SaveReading> saves = List.of(save(paragraph(20, 10), paragraph(80, 30)), save(paragraph(50, 7)), save(),
                save(paragraph(90, 3)));

        JFreeChart chart = HistoryChart.of(saves);

        XYDataset points = chart.getXYPlot().getDataset();
        assertEquals(3, points.getItemCount(0));
        assertEquals(List.of(1.0, 2.0, 4.0), List.of(points.getXValue(0, 0), points.getXValue(0, 1),
                points.getXValue(0, 2)));
        assertEquals(65, points.getYValue(0, 0), 1e-12);
        assertEquals(50, points.getYValue(0, 1), 1e-12);
        assertEquals(90, points.getYValue(0, 2), 1e-12);
        BufferedImage png = ImageIO.read(new ByteArrayInputStream(ChartImages.png(chart, 400, 160)));
        assertEquals(List.of(400, 160), List.of(png.getWidth(), png.getHeight()));
    }

    private static ParagraphReading paragraph(double percentile, int words) {
        return new ParagraphReading("h", 0, 1, words, percentile, 0.5, 0, MatchLevel.RELATED);
    }

    private static SaveReading save(ParagraphReading... paragraphs) {
        return new SaveReading(0, "c", List.of(paragraphs));
    }
}
