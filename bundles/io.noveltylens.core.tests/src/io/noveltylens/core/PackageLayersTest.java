package io.noveltylens.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The package diagram of docs/design.md (Architecture) against the code: the layers it lists for a bundle are all
 * its packages, and each package imports only packages of lower layers, so no two packages depend on each other.
 * Read from the sources of the checkout, as the build's working folder is this bundle's.
 */
class PackageLayersTest {

    private static final Path REPOSITORY = Path.of("..", "..");
    /** A layering line of the design page: the bundle, then its layers lowest first, separated by '<'. */
    private static final Pattern LAYERS = Pattern.compile("^(io\\.noveltylens\\.[a-z]+) +\\(root\\) +<(.*)$");
    private static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?([\\w.]+);", Pattern.MULTILINE);

    @Test
    void everyImportOfCoreGoesToALowerLayer() throws IOException {
        assertLayered("io.noveltylens.core", "bundles/io.noveltylens.core/src");
    }

    @Test
    void everyImportOfTheUiGoesToALowerLayer() throws IOException {
        assertLayered("io.noveltylens.ui", "bundles/io.noveltylens.ui/src");
    }

    private static void assertLayered(String bundle, String sources) throws IOException {
        Map<String, Integer> layers = documentedLayers(bundle);
        Map<String, Set<String>> imports = imports(REPOSITORY.resolve(sources), bundle);

        assertEquals(new TreeSet<>(layers.keySet()), new TreeSet<>(imports.keySet()),
                "docs/design.md lists the packages of " + bundle);
        List<String> upwards = new ArrayList<>();
        imports.forEach((from, targets) -> targets.stream().filter(to -> layers.get(to) >= layers.get(from))
                .forEach(to -> upwards.add(from + " -> " + to)));
        assertTrue(upwards.isEmpty(), "imports of a package's own or a higher layer: " + upwards);
    }

    /** The layer of each package of {@code bundle}, 0 for its root package. */
    private static Map<String, Integer> documentedLayers(String bundle) throws IOException {
        for (String line : Files.readAllLines(REPOSITORY.resolve("docs/design.md"), StandardCharsets.UTF_8)) {
            Matcher matcher = LAYERS.matcher(line.strip());
            if (matcher.matches() && matcher.group(1).equals(bundle)) {
                Map<String, Integer> layers = new HashMap<>();
                layers.put(bundle, 0);
                String[] above = matcher.group(2).split("<");
                for (int layer = 0; layer < above.length; layer++) {
                    for (String name : above[layer].strip().split(" +")) {
                        layers.put(bundle + '.' + name, layer + 1);
                    }
                }
                return layers;
            }
        }
        throw new AssertionError("docs/design.md has no layering line for " + bundle);
    }

    /** For each package under {@code sources}, the other packages of {@code bundle} it imports from. */
    private static Map<String, Set<String>> imports(Path sources, String bundle) throws IOException {
        Map<String, Set<String>> imports = new TreeMap<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file, StandardCharsets.UTF_8);
                Matcher declared = PACKAGE.matcher(source);
                assertTrue(declared.find(), file + " declares its package");
                Set<String> targets = imports.computeIfAbsent(declared.group(1), name -> new TreeSet<>());
                Matcher imported = IMPORT.matcher(source);
                while (imported.find()) {
                    String target = packageOf(imported.group(1));
                    if ((target.equals(bundle) || target.startsWith(bundle + '.'))
                            && !target.equals(declared.group(1))) {
                        targets.add(target);
                    }
                }
            }
        }
        return imports;
    }

    /** The package of an imported name: its segments before the first capitalised one (the class). */
    private static String packageOf(String imported) {
        List<String> segments = new ArrayList<>();
        for (String segment : imported.split("\\.")) {
            if (Character.isUpperCase(segment.charAt(0))) {
                break;
            }
            segments.add(segment);
        }
        return String.join(".", segments);
    }
}
