package io.noveltylens.ui.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;

import org.eclipse.help.HelpSystem;
import org.eclipse.help.IToc;
import org.eclipse.help.ITopic;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.help.IWorkbenchHelpSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.Bundle;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import io.noveltylens.ui.plugin.NoveltyLensPlugin;

/**
 * Help > Help Contents shows the user guide: the workbench has a help UI (without one, the IDE's Help menu has no Help
 * Contents), the help system's table of contents holds our book with its topics, and the help server, on the loopback
 * interface, serves every topic, every image it shows and every page it links to. Oracle: the UI bundle's own
 * {@code help/} folder read as files (toc.xml's labels and hrefs, each page's title, the image bytes), not through the
 * help system; the bundle under test is the installed jar, so this also proves that its build ships the pages and the
 * screenshots.
 */
@ExtendWith(WorkbenchFixture.class)
class HelpContentsTest {

    private static final String BUNDLE = "io.noveltylens.ui";
    /** Help pages must stay small (issue 16): the screenshots are cropped and stored as PNG. */
    private static final int MAX_IMAGE_BYTES = 150 * 1024;
    private static final Pattern TITLE = Pattern.compile("<title>(.*?)</title>", Pattern.DOTALL);
    private static final Pattern LOCAL_REFERENCE = Pattern.compile("(?:src|href)=\"(?!https?:|#|mailto:)([^\"#]+)");

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theHelpContentsHoldTheUserGuideAndTheHelpServerServesEveryTopicWithItsImagesAndLinks() throws Exception {
        IWorkbenchHelpSystem help = PlatformUI.getWorkbench().getHelpSystem();
        assertTrue(help.hasHelpUI(), "a help UI is installed (it puts Help Contents into the Help menu)");

        Bundle ui = NoveltyLensPlugin.getDefault().getBundle();
        Map<String, String> expectedTopics = tocTopics(ui);
        IToc book = Arrays.stream(HelpSystem.getTocs())
                .filter(toc -> toc.getHref().equals("/" + BUNDLE + "/help/toc.xml")).findFirst().orElse(null);
        assertNotNull(book, "the help contents hold the Novelty Lens book; books: " + labels(HelpSystem.getTocs()));
        assertEquals(label(ui, "help/toc.xml"), book.getLabel());
        Map<String, String> topics = new LinkedHashMap<>();
        for (ITopic topic : book.getTopics()) {
            topics.put(topic.getHref(), topic.getLabel());
        }
        assertEquals(expectedTopics, topics, "the book's topics, in toc.xml's order");

        List<String> checked = new ArrayList<>();
        for (String href : topics.keySet()) {
            URL page = help.resolve(href, true);
            assertTrue(InetAddress.getByName(page.getHost()).isLoopbackAddress(), "served on loopback only: " + page);
            String entry = href.substring(BUNDLE.length() + 2);
            String html = get(page, "text/html");
            assertEquals(title(read(ui, entry)), title(html), "the title of " + page);
            for (String reference : localReferences(read(ui, entry))) {
                URI target = URI.create(page.toString()).resolve(reference);
                String targetEntry = URI.create(entry).resolve(reference).getPath();
                if (reference.endsWith(".png")) {
                    byte[] image = getBytes(target.toURL(), "image/png");
                    assertArrayEquals(bytes(ui, targetEntry), image, "the image " + target);
                    assertTrue(image.length < MAX_IMAGE_BYTES, targetEntry + " is " + image.length + " bytes");
                } else {
                    assertEquals(title(read(ui, targetEntry)), title(get(target.toURL(), "text/html")),
                            "the page " + target + " that " + entry + " links to");
                }
                checked.add(targetEntry);
            }
        }
        System.out.println("[help] served " + topics.size() + " topics and " + checked.size() + " images and links");
        assertTrue(checked.stream().anyMatch(path -> path.endsWith(".png")), "the pages show screenshots");
    }

    /** toc.xml's topics, read as XML from the bundle: href as the help system names it, label. */
    private static Map<String, String> tocTopics(Bundle ui) throws Exception {
        Map<String, String> topics = new LinkedHashMap<>();
        try (InputStream in = entry(ui, "help/toc.xml").openStream()) {
            NodeList nodes = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in)
                    .getElementsByTagName("topic");
            for (int i = 0; i < nodes.getLength(); i++) {
                Element topic = (Element) nodes.item(i);
                topics.put("/" + BUNDLE + "/" + topic.getAttribute("href"), topic.getAttribute("label"));
            }
        }
        assertTrue(topics.size() >= 5, "toc.xml lists the guide's topics: " + topics);
        return topics;
    }

    private static String label(Bundle ui, String tocEntry) throws Exception {
        try (InputStream in = entry(ui, tocEntry).openStream()) {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in).getDocumentElement()
                    .getAttribute("label");
        }
    }

    private static List<String> labels(IToc[] tocs) {
        return Arrays.stream(tocs).map(IToc::getLabel).toList();
    }

    private static List<String> localReferences(String html) {
        List<String> references = new ArrayList<>();
        Matcher matcher = LOCAL_REFERENCE.matcher(html);
        while (matcher.find()) {
            references.add(matcher.group(1));
        }
        return references;
    }

    private static String title(String html) {
        Matcher matcher = TITLE.matcher(html);
        assertTrue(matcher.find(), "a page with a title: " + html.substring(0, Math.min(300, html.length())));
        return matcher.group(1).trim();
    }

    private static URL entry(Bundle bundle, String path) {
        URL url = bundle.getEntry(path);
        assertNotNull(url, path + " in " + bundle.getSymbolicName());
        return url;
    }

    private static byte[] bytes(Bundle bundle, String path) throws IOException {
        try (InputStream in = entry(bundle, path).openStream()) {
            return in.readAllBytes();
        }
    }

    private static String read(Bundle bundle, String path) throws IOException {
        return new String(bytes(bundle, path), StandardCharsets.UTF_8);
    }

    private String get(URL url, String contentType) throws Exception {
        return new String(getBytes(url, contentType), StandardCharsets.UTF_8);
    }

    private byte[] getBytes(URL url, String contentType) throws Exception {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(url.toURI()).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode(), "HTTP status of " + url);
        String type = response.headers().firstValue("Content-Type").orElse("");
        assertTrue(type.startsWith(contentType), url + " is " + type + ", not " + contentType);
        return response.body();
    }
}
