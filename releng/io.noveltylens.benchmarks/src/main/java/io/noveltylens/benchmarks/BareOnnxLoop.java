package io.noveltylens.benchmarks;

import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import io.noveltylens.core.embed.ModelDescriptor;

/**
 * The model's own limit on this machine: ONNX Runtime alone, over input tokenized before the clock starts, with no
 * pooling, normalisation or bookkeeping. It gets the layout that measured best on 2 cores (docs/design.md section 4: one
 * session with one intra-op thread, one caller per core) and length-sorted batches of the model descriptor's
 * maxBatchSize, so that the ratio to it is what our own code costs, not a different batching choice.
 */
final class BareOnnxLoop implements AutoCloseable {

    private static final int TOKENS_PER_BATCH = 4096;

    private final OrtEnvironment env = OrtEnvironment.getEnvironment();
    private final OrtSession session;
    private final int maxBatch;
    private final ExecutorService callers;
    private final int callerCount;

    BareOnnxLoop(ModelDescriptor model, int callerCount) throws Exception {
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            session = env.createSession(model.onnx().toString(), options);
        }
        this.maxBatch = model.maxBatchSize();
        this.callerCount = callerCount;
        this.callers = Executors.newFixedThreadPool(callerCount);
    }

    /** Word-piece ids with [CLS] and [SEP], untruncated, as our tokenizer produces them for a sentence that fits. */
    static List<long[]> tokenize(ModelDescriptor model, List<String> texts) throws Exception {
        try (HuggingFaceTokenizer tokenizer = HuggingFaceTokenizer.builder().optTokenizerPath(model.tokenizer())
                .optAddSpecialTokens(true).optTruncation(false).optPadding(false).build()) {
            List<long[]> ids = new ArrayList<>(texts.size());
            for (String text : texts) {
                ids.add(tokenizer.encode(text).getIds());
            }
            return ids;
        }
    }

    /** Runs every sequence once; returns sequences per second. */
    double sequencesPerSecond(List<long[]> tokenized) throws Exception {
        List<long[]> sorted = new ArrayList<>(tokenized);
        sorted.sort(Comparator.comparingInt(ids -> ids.length));
        List<List<long[]>> batches = new ArrayList<>();
        for (int from = 0; from < sorted.size();) {
            int size = Math.max(1, Math.min(maxBatch, TOKENS_PER_BATCH / sorted.get(from).length));
            int to = Math.min(sorted.size(), from + size);
            batches.add(sorted.subList(from, to));
            from = to;
        }
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < callerCount; c++) {
            running.add(callers.submit(() -> {
                for (int b = next.getAndIncrement(); b < batches.size(); b = next.getAndIncrement()) {
                    run(batches.get(b));
                }
                return null;
            }));
        }
        for (Future<?> caller : running) {
            caller.get();
        }
        return tokenized.size() / ((System.nanoTime() - start) / 1e9);
    }

    private void run(List<long[]> batch) throws Exception {
        int length = batch.get(batch.size() - 1).length;
        long[] ids = new long[batch.size() * length];
        long[] mask = new long[ids.length];
        for (int r = 0; r < batch.size(); r++) {
            long[] row = batch.get(r);
            System.arraycopy(row, 0, ids, r * length, row.length);
            Arrays.fill(mask, r * length, r * length + row.length, 1L);
        }
        long[] shape = { batch.size(), length };
        try (OnnxTensor inputIds = OnnxTensor.createTensor(env, LongBuffer.wrap(ids), shape);
                OnnxTensor attention = OnnxTensor.createTensor(env, LongBuffer.wrap(mask), shape);
                OnnxTensor types = OnnxTensor.createTensor(env, LongBuffer.wrap(new long[ids.length]), shape);
                OrtSession.Result result = session.run(Map.of("input_ids", inputIds, "attention_mask", attention,
                        "token_type_ids", types))) {
            // the output is computed by run(); reading it would add our pooling's cost back
        }
    }

    @Override
    public void close() throws Exception {
        callers.shutdownNow();
        session.close();
    }
}
