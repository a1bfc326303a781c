package io.noveltylens.cli;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where the CLI finds the shipped model and corpus index, and where it may write its cache. Each can be set with an
 * environment variable; otherwise the defaults sit beside the CLI jar as the build lays them out
 * (bundles/io.noveltylens.cli/target/novelty-cli.jar next to the model and corpus bundles).
 */
record CliPaths(Path defaultModel, Path defaultIndex, Path cache) {

    static CliPaths resolve(Map<String, String> environment) {
        Path bundles = jarDirectory().resolve("../..").normalize();
        Path model = path(environment, "NOVELTY_MODEL",
                bundles.resolve("io.noveltylens.model.minilm/models/all-minilm-l6-v2"));
        Path index = path(environment, "NOVELTY_INDEX", bundles.resolve("io.noveltylens.corpus.default/index"));
        String xdg = environment.get("XDG_CACHE_HOME");
        Path cacheBase = xdg != null && !xdg.isBlank() ? Path.of(xdg)
                : Path.of(System.getProperty("user.home"), ".cache");
        Path cache = path(environment, "NOVELTY_CACHE", cacheBase.resolve("noveltylens"));
        return new CliPaths(model, index, cache);
    }

    /** The model folder given with --model, else the shipped one. */
    Path model(Path given) {
        return given == null ? defaultModel : given;
    }

    /** The index folder given with --index, else the shipped default corpus's. */
    Path index(Path given) {
        return given == null ? defaultIndex : given;
    }

    private static Path path(Map<String, String> environment, String variable, Path fallback) {
        String value = environment.get(variable);
        return value != null && !value.isBlank() ? Path.of(value) : fallback;
    }

    private static Path jarDirectory() {
        try {
            Path location = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return location.getParent() == null ? location : location.getParent();
        } catch (URISyntaxException | SecurityException e) {
            return Path.of(".");
        }
    }
}
