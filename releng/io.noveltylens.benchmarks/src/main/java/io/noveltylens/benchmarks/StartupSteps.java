package io.noveltylens.benchmarks;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import io.noveltylens.core.embed.Embedding;
import io.noveltylens.core.embed.ModelDescriptor;
import io.noveltylens.core.embed.OnnxEmbedder;
import io.noveltylens.core.index.LuceneCorpusIndex;

/**
 * Runs in a fresh JVM started by {@link SelectionBench}, beside {@link EngineProcess}: where the engine's opening
 * goes, and the peer its cold start is set against. Prints {@code start.KEY=MILLIS} lines.
 * <ul>
 * <li>{@code steps}: what {@code NoveltyEngine.open} does, one step after the other, each timed (the engine runs the
 * model's steps and the index's on two threads, so its open is about the longer of the two chains, not their sum),
 * then the first query embedding and the first search.</li>
 * <li>{@code session}: the peer, creating a bare ONNX Runtime session of the same model file with the query session's
 * options (all graph optimisations, one intra-op thread per core up to 4), once ONNX Runtime's libraries are loaded:
 * what loading the model alone costs a fresh JVM.</li>
 * </ul>
 * Arguments: {@code steps} or {@code session}, model dir, index dir, cache dir, a selection.
 */
public final class StartupSteps {

    private StartupSteps() {
    }

    public static void main(String[] args) throws Exception {
        Path modelDir = Path.of(args[1]);
        Path cache = Path.of(args[3]);
        Map<String, Double> millis = new LinkedHashMap<>();
        long last = System.nanoTime();
        if (args[0].equals("session")) {
            ModelDescriptor model = ModelDescriptor.load(modelDir, cache);
            OrtEnvironment env = OrtEnvironment.getEnvironment(); // its native libraries load untimed
            last = System.nanoTime();
            try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
                options.setIntraOpNumThreads(Math.min(4, Runtime.getRuntime().availableProcessors()));
                options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
                try (OrtSession session = env.createSession(model.onnx().toString(), options)) {
                    millis.put("session", (System.nanoTime() - last) / 1e6);
                }
            }
        } else {
            ModelDescriptor model = ModelDescriptor.load(modelDir, cache);
            last = lap(millis, "descriptor", last);
            try (OnnxEmbedder embedder = OnnxEmbedder.open(model, cache)) {
                last = lap(millis, "tokenizer", last);
                embedder.fingerprint();
                last = lap(millis, "fingerprint", last);
                embedder.prepareQueries();
                last = lap(millis, "query_session", last);
                try (LuceneCorpusIndex index = LuceneCorpusIndex.open(Path.of(args[2]), null, 0)) {
                    last = lap(millis, "index", last);
                    Embedding query = embedder.embedQuery(args[4]);
                    last = lap(millis, "first_embedding", last);
                    index.nearest(query.unit(), 10);
                    lap(millis, "first_search", last);
                }
            }
        }
        millis.forEach((step, value) -> System.out.println("start." + step + "=" + value));
        System.out.flush();
    }

    private static long lap(Map<String, Double> millis, String step, long since) {
        long now = System.nanoTime();
        millis.put(step, (now - since) / 1e6);
        return now;
    }
}
