package io.noveltylens.benchmarks;

import java.nio.file.Path;
import java.util.List;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import io.noveltylens.benchmarks.ResultTable.Status;
import io.noveltylens.core.Progress;
import io.noveltylens.core.embed.ModelDescriptor;
import io.noveltylens.core.embed.OnnxEmbedder;

/**
 * Passages per second on real sentences: our {@link OnnxEmbedder#embedPassages} against langchain4j's in-process
 * model (the peer: its own copy of the same graph, one text per call on its default thread pool) and against
 * {@link BareOnnxLoop} (the model's limit), interleaved, for fp32 and int8.
 */
final class EmbeddingThroughputBench {

    static final double PEER_TARGET = 1.5;
    static final double BARE_TARGET = 0.9;

    private EmbeddingThroughputBench() {
    }

    static void run(BenchmarkPaths paths, BenchmarkPlan plan, ResultTable table) throws Exception {
        List<String> sentences = RealText.corpusSentences(paths.corpus(), plan.sentences());
        measure("fp32", ModelDescriptor.load(paths.fp32Model(), paths.cache()), new AllMiniLmL6V2EmbeddingModel(),
                sentences, paths.cache(), plan, table);
        measure("int8", ModelDescriptor.load(paths.int8Model(), paths.cache()),
                new AllMiniLmL6V2QuantizedEmbeddingModel(),
                sentences, paths.cache(), plan, table);
    }

    private static void measure(String precision, ModelDescriptor model, EmbeddingModel peer,
            List<String> sentences, Path cache, BenchmarkPlan plan, ResultTable table) throws Exception {
        List<TextSegment> segments = sentences.stream().map(TextSegment::from).toList();
        int cores = Runtime.getRuntime().availableProcessors();
        try (OnnxEmbedder ours = OnnxEmbedder.open(model, cache); BareOnnxLoop bare = new BareOnnxLoop(model, cores)) {
            List<long[]> tokenized = BareOnnxLoop.tokenize(model, sentences);
            double meanTokens = tokenized.stream().mapToInt(ids -> ids.length).average().orElse(0);
            InterleavedRuns runs = new InterleavedRuns()
                    .add("ours", () -> rate(sentences.size(), () -> ours.embedPassages(sentences, Progress.NONE)))
                    .add("langchain4j", () -> rate(sentences.size(), () -> peer.embedAll(segments)))
                    .add("bare", () -> bare.sequencesPerSecond(tokenized))
                    .run(plan.embedRounds(), true);
            String area = "Embedding " + precision;
            String what = String.format("passages/s, %d real sentences (mean %.1f tokens)", sentences.size(),
                    meanTokens);
            Samples vsPeer = runs.ratio("ours", "langchain4j");
            Samples vsBare = runs.ratio("ours", "bare");
            table.add(area, what + " vs peer", runs.samples("ours").describeRange("%.0f"),
                    "langchain4j " + runs.samples("langchain4j").describeRange("%.0f"),
                    vsPeer.describeRange("%.2fx"), ">= " + PEER_TARGET + "x",
                    Status.of(vsPeer.median() >= PEER_TARGET));
            table.add(area, what + " vs bare ONNX Runtime", runs.samples("ours").describeRange("%.0f"),
                    "bare loop " + runs.samples("bare").describeRange("%.0f"), vsBare.describeRange("%.2fx"),
                    ">= " + BARE_TARGET + "x", Status.of(vsBare.median() >= BARE_TARGET));
        }
    }

    /** Work whose result is irrelevant here. */
    interface Work {
        Object run() throws Exception;
    }

    static double rate(int items, Work work) throws Exception {
        long start = System.nanoTime();
        work.run();
        return items / ((System.nanoTime() - start) / 1e9);
    }
}
