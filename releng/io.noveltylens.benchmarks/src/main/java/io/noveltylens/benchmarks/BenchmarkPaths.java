package io.noveltylens.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the benchmarks find the shipped models, corpus and index (relative to the repository root given on the
 * command line) and where they may write (under the module's target folder: temporary indexes, native caches).
 */
record BenchmarkPaths(Path fp32Model, Path int8Model, Path corpus, Path index, Path heldOut, Path work, Path cache) {

    static BenchmarkPaths under(Path repository, Path work) throws IOException {
        Path bundles = repository.resolve("bundles");
        Files.createDirectories(work);
        return new BenchmarkPaths(bundles.resolve("io.noveltylens.model.minilm/models/all-minilm-l6-v2"),
                bundles.resolve("io.noveltylens.model.minilm.int8/models/all-minilm-l6-v2-q"),
                bundles.resolve("io.noveltylens.corpus.default/corpus"),
                bundles.resolve("io.noveltylens.corpus.default/index"),
                bundles.resolve("io.noveltylens.core.tests/fixtures"), work, work.resolve("native-cache"));
    }
}
