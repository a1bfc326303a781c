package io.noveltylens.core.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import io.noveltylens.core.Progress;
import io.noveltylens.core.compare.Comparison;
import io.noveltylens.core.compare.GroupScores;
import io.noveltylens.core.compare.SyntheticGroups;
import io.noveltylens.core.stats.Bootstrap;

/**
 * The exported charts are valid SVG (parsed by the JDK's XML parser) and PNG (read by ImageIO) and show the expected
 * series: each group in the legend, and on the map one marker per passage in the group's colour.
 */
class ComparisonChartsTest {

    private static final List<GroupScores> GROUPS = List.of(SyntheticGroups.group("human essays", 33, 20, 7, 1),
            SyntheticGroups.group("model outputs", 21, 35, 9, 2));
    private static final Comparison COMPARISON = Comparison.of(GROUPS, new Bootstrap(100, 1, 0.95), Progress.NONE);
    private static final int CORPUS_POINTS = 150;

    @Test
    void everyChartIsWrittenAsValidSvgAndPngNamingEveryGroup(@TempDir Path folder) throws Exception {
        List<Path> files = new ArrayList<>();
        files.addAll(ChartImages.write(ComparisonCharts.distributions(COMPARISON), folder,
                ComparisonCharts.DISTRIBUTIONS));
        files.addAll(ChartImages.write(ComparisonCharts.inHullShares(COMPARISON), folder, ComparisonCharts.IN_HULL));
        files.addAll(ChartImages.write(ComparisonCharts.map(SyntheticGroups.plane(CORPUS_POINTS, 9), GROUPS), folder,
                ComparisonCharts.MAP));

        assertEquals(6, files.size());
        for (Path file : files) {
            if (file.toString().endsWith(".svg")) {
                List<String> texts = texts(parse(Files.readString(file)));
                for (GroupScores group : GROUPS) {
                    assertTrue(texts.contains(group.name()), file.getFileName() + " legend: " + texts);
                }
            } else {
                BufferedImage image = ImageIO.read(file.toFile());
                assertEquals(ChartImages.WIDTH, image.getWidth(), file.toString());
                assertEquals(ChartImages.HEIGHT, image.getHeight(), file.toString());
                for (int g = 0; g < GROUPS.size(); g++) {
                    assertTrue(pixels(image, ComparisonCharts.groupColour(g)) > 50,
                            file.getFileName() + " draws group " + g + " in its colour");
                }
            }
        }
    }

    @Test
    void theMapHasOneMarkerPerPassageOfEachGroupAndSaysItIsAProjection() throws Exception {
        String svg = ChartImages.svg(ComparisonCharts.map(SyntheticGroups.plane(CORPUS_POINTS, 9), GROUPS),
                ChartImages.WIDTH, ChartImages.HEIGHT);

        parse(svg);
        for (int g = 0; g < GROUPS.size(); g++) {
            // every passage, and the legend's marker
            assertEquals(GROUPS.get(g).passages().size() + 1, filledWith(svg, ComparisonCharts.groupColour(g)),
                    GROUPS.get(g).name());
        }
        assertTrue(svg.contains("Projection on the corpus"), "the title says it is a projection");
    }

    @Test
    void theInHullChartHasOnePointPerDimensionOfEachGroup() throws Exception {
        String svg = ChartImages.svg(ComparisonCharts.inHullShares(COMPARISON), ChartImages.WIDTH,
                ChartImages.HEIGHT);

        parse(svg);
        for (int g = 0; g < GROUPS.size(); g++) {
            assertEquals(SyntheticGroups.DIMENSIONS.length + 1, filledWith(svg, ComparisonCharts.groupColour(g)),
                    "a marker per dimension and the legend's, " + GROUPS.get(g).name());
        }
    }

    /** Parses with the JDK's parser, without fetching the DTD the SVG names (no network in tests). */
    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        DocumentBuilder builder = factory.newDocumentBuilder();
        Document document = builder.parse(new InputSource(new StringReader(svg)));
        assertEquals("svg", document.getDocumentElement().getLocalName());
        return document;
    }

    private static List<String> texts(Document document) {
        NodeList nodes = document.getElementsByTagNameNS("http://www.w3.org/2000/svg", "text");
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent());
        }
        return texts;
    }

    /** Shapes filled with {@code colour}: JFreeSVG writes each as a group styled "fill:rgb(r,g,b)". */
    private static int filledWith(String svg, Color colour) {
        Matcher matcher = Pattern.compile("<g style='fill:rgb\\(" + colour.getRed() + "," + colour.getGreen() + ","
                + colour.getBlue() + "\\)").matcher(svg);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }

    private static int pixels(BufferedImage image, Color colour) {
        int count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                count += (image.getRGB(x, y) & 0xFFFFFF) == (colour.getRGB() & 0xFFFFFF) ? 1 : 0;
            }
        }
        return count;
    }
}
