package io.noveltylens.core.embed;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import io.noveltylens.core.CoreText;
import io.noveltylens.core.NoveltyException;

/**
 * Turns a text into the token windows the model reads, with DJL's Hugging Face tokenizer.
 * <p>
 * Truncation and padding are switched off explicitly: the MiniLM {@code tokenizer.json} carries
 * {@code truncation.max_length=128}, which DJL applies silently, so a long passage would be embedded from its first
 * 128 word pieces (langchain4j has that bug, docs/design.md section 4). Instead a text longer than the model's limit is split
 * here into overlapping windows, each wrapped in the model's own special tokens and prompt prefix; see
 * {@link #split}.
 * <p>
 * Each text is encoded on its own: DJL's {@code batchEncode} runs a thread pool that competes with ONNX Runtime's
 * threads on 2 cores. {@code encode} is safe to call from several threads at once (the native tokenizer is
 * immutable).
 */
final class PassageTokenizer implements AutoCloseable {

    private final HuggingFaceTokenizer tokenizer;
    private final int maxTokens;
    /** Special tokens before and after the text in a single-sequence encoding: [CLS] and [SEP] for BERT. */
    private final long[] open;
    private final long[] close;

    private PassageTokenizer(HuggingFaceTokenizer tokenizer, int maxTokens, long[] open, long[] close) {
        this.tokenizer = tokenizer;
        this.maxTokens = maxTokens;
        this.open = open;
        this.close = close;
    }

    static PassageTokenizer load(Path tokenizerJson, int maxTokens, Path cacheDir) throws NoveltyException {
        DjlEnvironment.prepare(cacheDir);
        HuggingFaceTokenizer tokenizer;
        Encoding sample;
        try {
            tokenizer = DjlEnvironment.callWithOwnClassLoader(() -> HuggingFaceTokenizer.builder()
                    .optTokenizerPath(tokenizerJson)
                    .optAddSpecialTokens(true)
                    .optTruncation(false)
                    .optPadding(false)
                    .optMaxLength(maxTokens)
                    .build());
            sample = DjlEnvironment.callWithOwnClassLoader(() -> tokenizer.encode("a", true, false));
        } catch (IOException | RuntimeException | UnsatisfiedLinkError e) {
            throw new NoveltyException(NoveltyException.Kind.MODEL,
                    CoreText.bind(CoreText.PassageTokenizer_unloadable, tokenizerJson, e.getMessage()), e);
        }
        long[] ids = sample.getIds();
        long[] special = sample.getSpecialTokenMask();
        int first = 0;
        while (first < ids.length && special[first] == 1) {
            first++;
        }
        int last = ids.length;
        while (last > first && special[last - 1] == 1) {
            last--;
        }
        return new PassageTokenizer(tokenizer, maxTokens, Arrays.copyOfRange(ids, 0, first),
                Arrays.copyOfRange(ids, last, ids.length));
    }

    /** The word-piece ids of {@code text}, without special tokens and without any length limit. */
    long[] pieces(String text) {
        return tokenizer.encode(text, false, false).getIds();
    }

    /** The opening special tokens followed by the pieces of a prompt prefix such as e5's {@code "query: "}. */
    long[] head(String prefix) {
        return concat(open, prefix.isEmpty() ? new long[0] : pieces(prefix));
    }

    long[] tail() {
        return close.clone();
    }

    /** The windows of {@code text} the model reads, each at most {@code maxTokens} long. */
    List<long[]> windows(long[] head, String text) {
        return split(pieces(text), head, close, maxTokens);
    }

    /**
     * Splits word pieces into windows of {@code head + pieces + tail}, each at most {@code maxTokens} long. A text
     * that fits is one window. A longer one gets full-size windows that start every {@code budget / 2} pieces (half
     * overlap, so every piece except those near the ends is read twice, once with context on each side) and the last
     * window ends at the last piece, so no window is a short tail with little context.
     */
    static List<long[]> split(long[] pieces, long[] head, long[] tail, int maxTokens) {
        int budget = maxTokens - head.length - tail.length;
        if (budget < 1) {
            throw new IllegalArgumentException("No room for text within " + maxTokens + " tokens");
        }
        if (pieces.length <= budget) {
            return List.of(concat(head, pieces, tail));
        }
        int stride = Math.max(1, budget / 2);
        int count = 1 + Math.ceilDiv(pieces.length - budget, stride);
        List<long[]> windows = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int start = Math.min(i * stride, pieces.length - budget);
            windows.add(concat(head, Arrays.copyOfRange(pieces, start, start + budget), tail));
        }
        return windows;
    }

    private static long[] concat(long[]... parts) {
        int length = 0;
        for (long[] part : parts) {
            length += part.length;
        }
        long[] all = new long[length];
        int at = 0;
        for (long[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }

    @Override
    public void close() {
        tokenizer.close();
    }
}
