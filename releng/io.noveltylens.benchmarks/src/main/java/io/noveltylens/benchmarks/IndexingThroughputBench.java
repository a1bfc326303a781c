package io.noveltylens.benchmarks;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.noveltylens.benchmarks.ResultTable.Status;
import io.noveltylens.core.Progress;
import io.noveltylens.core.embed.ModelDescriptor;
import io.noveltylens.core.embed.OnnxEmbedder;
import io.noveltylens.core.index.IndexBuilder;
import io.noveltylens.core.index.IndexMetadata;
import io.noveltylens.core.index.IndexSettings;

/**
 * Indexing end to end (read, embed, HNSW, density statistics, PCA; every build into a new folder, so nothing comes
 * from the embedding cache) against embedding the same passages alone with the same embedder, interleaved. The
 * target says indexing is model-bound: at least 0.9x the pure embedding rate. No warm-up round: the embedding
 * benchmark has already compiled the embedder's code in this JVM, and one round of each takes tens of seconds.
 */
final class IndexingThroughputBench {

    static final double TARGET = 0.9;

    private IndexingThroughputBench() {
    }

    /** Returns the pure embedding rate of corpus passages (the corpus-size table projects embedding time from it). */
    static double run(BenchmarkPaths paths, BenchmarkPlan plan, ResultTable table) throws Exception {
        List<String> passages = RealText.corpusPassages(paths.corpus(), plan.indexPassages());
        Path corpus = paths.work().resolve("indexing-sample/passages.txt");
        Files.createDirectories(corpus.getParent());
        // one passage per line and no blank line: the reader takes each line as a passage (see CorpusReader)
        Files.write(corpus, passages, StandardCharsets.UTF_8);
        int[] build = { 0 };
        try (OnnxEmbedder embedder = OnnxEmbedder.open(ModelDescriptor.load(paths.fp32Model(), paths.cache()),
                paths.cache())) {
            InterleavedRuns runs = new InterleavedRuns()
                    .add("index", () -> {
                        Path index = paths.work().resolve("indexing-" + build[0]++);
                        long start = System.nanoTime();
                        IndexMetadata built = new IndexBuilder(embedder, IndexSettings.defaults())
                                .build(List.of(corpus), index, Progress.NONE);
                        double seconds = (System.nanoTime() - start) / 1e9;
                        Dirs.delete(index);
                        return built.passages() / seconds;
                    })
                    .add("embed", () -> EmbeddingThroughputBench.rate(passages.size(),
                            () -> embedder.embedPassages(passages, Progress.NONE)))
                    .run(plan.indexRounds(), false);
            Samples ratio = runs.ratio("index", "embed");
            table.add("Indexing", String.format("passages/s end to end, %d corpus passages", passages.size()),
                    runs.samples("index").describeRange("%.0f"),
                    "pure embedding " + runs.samples("embed").describeRange("%.0f"), ratio.describeRange("%.2fx"),
                    ">= " + TARGET + "x", Status.of(ratio.median() >= TARGET));
            double share = 1 - ratio.median();
            table.note(String.format("Indexing %d passages spends %.0f %% of its time outside the model (reading, "
                    + "HNSW, density statistics, PCA, writing).", passages.size(), 100 * share));
            return runs.samples("embed").median();
        }
    }
}
