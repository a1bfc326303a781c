package io.noveltylens.core.embed;

import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtLoggingLevel;
import ai.onnxruntime.OrtSession;
import io.noveltylens.core.CoreText;
import io.noveltylens.core.NoveltyException;

/**
 * One loaded ONNX encoder that turns a batch of token windows into pooled (not normalised) vectors.
 * <p>
 * ONNX Runtime allows concurrent {@code run} calls on one session, so one session with one intra-op thread serves
 * as many parallel callers as there are cores while holding the weights once (about 90 MB per fp32 session). Measured
 * on 2 cores: 2 callers on one 1-thread session match 2 sessions of 1 thread each and beat 1 session of 2 threads
 * (docs/design.md section 4: 240 vs 190 sentences/s). No custom-op library is ever registered.
 */
final class EncoderSession implements AutoCloseable {

    private final OrtEnvironment env;
    private final OrtSession session;
    private final ModelGraph graph;
    private final String outputName;
    private final Pooling pooling;

    private EncoderSession(OrtEnvironment env, OrtSession session, ModelGraph graph, String outputName,
            Pooling pooling) {
        this.env = env;
        this.session = session;
        this.graph = graph;
        this.outputName = outputName;
        this.pooling = pooling;
    }

    /**
     * Loads {@code onnx} and checks that its graph is a sentence encoder.
     *
     * @param threads   intra-op threads; spinning is off so that an idle IDE does not burn a core after a query
     * @param optimized whether to apply ONNX Runtime's graph optimisations (slower to load, faster to run)
     */
    static EncoderSession open(Path onnx, String outputName, Pooling pooling, int threads, boolean optimized)
            throws NoveltyException {
        OrtEnvironment env = OrtEnvironment.getEnvironment(OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR, "noveltylens");
        OrtSession session;
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(threads);
            options.setInterOpNumThreads(1);
            options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            // every failure reaches the caller as an exception; ORT would also print it in red on stderr
            options.setSessionLogLevel(OrtLoggingLevel.ORT_LOGGING_LEVEL_FATAL);
            options.setOptimizationLevel(optimized ? OrtSession.SessionOptions.OptLevel.ALL_OPT
                    : OrtSession.SessionOptions.OptLevel.NO_OPT);
            session = env.createSession(onnx.toString(), options);
        } catch (OrtException e) {
            throw new NoveltyException(NoveltyException.Kind.MODEL,
                    CoreText.bind(CoreText.EncoderSession_unloadable, onnx, e.getMessage().strip()), e);
        }
        try {
            return new EncoderSession(env, session, ModelGraph.read(session, outputName, onnx), outputName, pooling);
        } catch (NoveltyException e) {
            closeQuietly(session);
            throw e;
        }
    }

    /**
     * Loads {@code model}'s ONNX file optimised for running, and checks it against the descriptor before its first use:
     * that it accepts {@code maxTokens} tokens and produces vectors of the declared dimension (one run at full length,
     * tens of milliseconds).
     */
    static EncoderSession openChecked(ModelDescriptor model, int threads) throws NoveltyException {
        EncoderSession session = open(model.onnx(), model.outputName(), model.pooling(), threads, true);
        try {
            int produced = session.probe(model.maxTokens(), model.onnx());
            if (produced != model.dimension()) {
                throw new NoveltyException(NoveltyException.Kind.MODEL,
                        CoreText.bind(CoreText.EncoderSession_otherDimension,
                                model.onnx(), produced, ModelDescriptor.FILE_NAME, model.dimension()));
            }
            return session;
        } catch (NoveltyException | RuntimeException e) {
            session.close();
            throw e;
        }
    }

    /** Runs one sequence of {@code length} tokens and returns the hidden size; fails if the graph refuses it. */
    int probe(int length, Path onnx) throws NoveltyException {
        return graph.probe(env, session, outputName, length, onnx);
    }

    /** Pooled vectors of the windows, in order; their hidden size must be {@code dimension}. */
    float[][] pool(List<long[]> windows, int dimension) throws OrtException {
        return pool(windows, dimension, null);
    }

    /**
     * As {@link #pool(List, int)}, as a run that {@code options.setTerminate(true)} ends mid-inference (with an
     * {@link OrtException}): how a cancelled build stops within a batch instead of after it.
     */
    float[][] pool(List<long[]> windows, int dimension, OrtSession.RunOptions options) throws OrtException {
        int rows = windows.size();
        int length = 0;
        for (long[] window : windows) {
            length = Math.max(length, window.length);
        }
        long[] ids = new long[rows * length];
        long[] mask = new long[rows * length];
        for (int r = 0; r < rows; r++) {
            long[] window = windows.get(r);
            System.arraycopy(window, 0, ids, r * length, window.length);
            Arrays.fill(mask, r * length, r * length + window.length, 1L);
        }
        long[] shape = { rows, length };
        Map<String, OnnxTensor> inputs = new HashMap<>();
        try {
            inputs.put(ModelGraph.INPUT_IDS, OnnxTensor.createTensor(env, LongBuffer.wrap(ids), shape));
            inputs.put(ModelGraph.ATTENTION_MASK, OnnxTensor.createTensor(env, LongBuffer.wrap(mask), shape));
            if (graph.tokenTypes()) {
                inputs.put(ModelGraph.TOKEN_TYPE_IDS,
                        OnnxTensor.createTensor(env, LongBuffer.wrap(new long[rows * length]), shape));
            }
            try (OrtSession.Result result = session.run(inputs, Set.of(outputName), options)) {
                OnnxTensor states = (OnnxTensor) result.get(outputName).orElseThrow();
                long[] outShape = states.getInfo().getShape();
                if (outShape[2] != dimension) {
                    throw new IllegalStateException("The model produced vectors of dimension " + outShape[2]
                            + ", but its descriptor says " + dimension + "; reload the model descriptor.");
                }
                return pool(states.getFloatBuffer(), windows, length, dimension);
            }
        } finally {
            inputs.values().forEach(OnnxTensor::close);
        }
    }

    private float[][] pool(FloatBuffer states, List<long[]> windows, int length, int dimension) {
        float[][] pooled = new float[windows.size()][dimension];
        for (int r = 0; r < pooled.length; r++) {
            float[] vector = pooled[r];
            int rowStart = r * length * dimension;
            int tokens = pooling == Pooling.CLS ? 1 : windows.get(r).length;
            for (int t = 0; t < tokens; t++) {
                int at = rowStart + t * dimension;
                for (int d = 0; d < dimension; d++) {
                    vector[d] += states.get(at + d);
                }
            }
            for (int d = 0; d < dimension; d++) {
                vector[d] /= tokens;
            }
        }
        return pooled;
    }

    @Override
    public void close() {
        closeQuietly(session);
    }

    private static void closeQuietly(OrtSession session) {
        try {
            session.close();
        } catch (OrtException e) {
            // Closing only frees native memory; there is nothing the caller could do about a failure here.
        }
    }
}
