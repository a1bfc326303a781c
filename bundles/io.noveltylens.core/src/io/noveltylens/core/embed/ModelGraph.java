package io.noveltylens.core.embed;

import java.nio.LongBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import io.noveltylens.core.NoveltyException;

/**
 * What an ONNX encoder graph takes and gives, read from a loaded session, and the check that it fits a BERT-style
 * sentence encoder: int64 inputs {@code input_ids}, {@code attention_mask} and optionally {@code token_type_ids}, and
 * a float output of rank 3 [batch, sequence, dimension].
 *
 * @param tokenTypes whether the graph takes {@code token_type_ids}
 * @param dimension  the hidden size, or -1 when the graph leaves it symbolic (then a probe run tells)
 */
record ModelGraph(boolean tokenTypes, int dimension) {

    static final String INPUT_IDS = "input_ids";
    static final String ATTENTION_MASK = "attention_mask";
    static final String TOKEN_TYPE_IDS = "token_type_ids";

    private static final Set<String> KNOWN_INPUTS = Set.of(INPUT_IDS, ATTENTION_MASK, TOKEN_TYPE_IDS);

    static ModelGraph read(OrtSession session, String outputName, Path onnx) throws NoveltyException {
        try {
            Map<String, NodeInfo> inputs = session.getInputInfo();
            Set<String> found = new TreeSet<>(inputs.keySet());
            if (!found.contains(INPUT_IDS) || !found.contains(ATTENTION_MASK) || !KNOWN_INPUTS.containsAll(found)) {
                throw refuse(onnx, "takes the inputs " + found + ", but a sentence encoder must take input_ids and "
                        + "attention_mask (and optionally token_type_ids) and nothing else");
            }
            for (NodeInfo input : inputs.values()) {
                if (!(input.getInfo() instanceof TensorInfo tensor) || tensor.type != OnnxJavaType.INT64) {
                    throw refuse(onnx, "input " + input.getName() + " is " + input.getInfo()
                            + ", expected an int64 tensor [batch, sequence]; re-export it with int64 inputs");
                }
            }
            Map<String, NodeInfo> outputs = session.getOutputInfo();
            NodeInfo output = outputs.get(outputName);
            if (output == null) {
                throw refuse(onnx, "has no output named '" + outputName + "'; it has " + new TreeSet<>(outputs.keySet())
                        + ". Set \"outputName\" in novelty-model.json to the per-token output (e.g. last_hidden_state)");
            }
            if (!(output.getInfo() instanceof TensorInfo tensor) || tensor.type != OnnxJavaType.FLOAT
                    || tensor.getShape().length != 3) {
                throw refuse(onnx, "output '" + outputName + "' is " + output.getInfo()
                        + ", expected a float tensor [batch, sequence, dimension] of per-token states; "
                        + "set \"outputName\" to such an output");
            }
            long last = tensor.getShape()[2];
            return new ModelGraph(found.contains(TOKEN_TYPE_IDS), last > 0 ? (int) last : -1);
        } catch (OrtException e) {
            throw refuse(onnx, "cannot be inspected (" + e.getMessage() + ")");
        }
    }

    /**
     * Runs one sequence of {@code length} tokens (id 0, a valid id in every vocabulary) and returns the hidden size.
     * This proves that the graph accepts sequences that long: a BERT graph fails beyond its position table (MiniLM:
     * 512 accepted, 513 fails, docs/design.md section 4), which the graph's symbolic input shape does not reveal.
     */
    int probe(OrtEnvironment env, OrtSession session, String outputName, int length, Path onnx)
            throws NoveltyException {
        long[] shape = { 1, length };
        long[] ones = new long[length];
        Arrays.fill(ones, 1);
        try (OnnxTensor ids = OnnxTensor.createTensor(env, LongBuffer.wrap(new long[length]), shape);
                OnnxTensor mask = OnnxTensor.createTensor(env, LongBuffer.wrap(ones), shape);
                OnnxTensor types = OnnxTensor.createTensor(env, LongBuffer.wrap(new long[length]), shape);
                OrtSession.Result result = session.run(tokenTypes
                        ? Map.of(INPUT_IDS, ids, ATTENTION_MASK, mask, TOKEN_TYPE_IDS, types)
                        : Map.of(INPUT_IDS, ids, ATTENTION_MASK, mask), Set.of(outputName))) {
            OnnxValue value = result.get(outputName).orElseThrow();
            long[] outShape = ((TensorInfo) value.getInfo()).getShape();
            return (int) outShape[2];
        } catch (OrtException e) {
            throw refuse(onnx, "does not accept " + length + " tokens (ONNX Runtime: " + e.getMessage().strip()
                    + "). Lower \"maxTokens\" in novelty-model.json to what the model was trained for "
                    + "(BERT-style models such as MiniLM accept at most 512)");
        }
    }

    private static NoveltyException refuse(Path onnx, String what) {
        return new NoveltyException(NoveltyException.Kind.MODEL, "The model " + onnx + " " + what + ".");
    }
}
