package io.noveltylens.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.function.ThrowingSupplier;

import io.noveltylens.core.NoveltyException;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Inputs for the fuzz properties (docs/reliability.md, Fuzzing): uniformly random bytes, and real inputs of the right
 * kind damaged the way files get damaged or forged, by a list of mutations that jqwik shrinks to the fewest that still
 * fail. The number of tries comes from {@code -Dfuzz.tries=N} (see the module's pom): a few hundred in the test
 * command, as many as wanted on demand.
 */
final class FuzzInputs {

    /** A file read by the product must give its answer or its error within this, whatever it holds. */
    static final Duration NO_HANG = Duration.ofSeconds(20);

    /** Bytes that parsers treat specially: ends of lines, quotes and brackets, invalid and truncated UTF-8, a BOM. */
    private static final byte[][] TOKENS = { { 0 }, { (byte) 0xFF }, { (byte) 0x80 }, { (byte) 0xC0 },
            { (byte) 0xE2, (byte) 0x80 }, { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF }, { '\r' }, { '\n' },
            { '\n', '\n' }, { '{' }, { '}' }, { '"' }, { '\\' }, { '<' }, { '>' }, { ',' }, { '\t' }, { '-' },
            { '9', '9', '9', '9', '9', '9', '9', '9', '9', '9', '9' }, { (byte) 0x1F, (byte) 0x8B } };

    private enum Kind {
        FLIP_BIT, INSERT_TOKEN, DELETE_RANGE, DUPLICATE_RANGE, TRUNCATE
    }

    /** One change at a relative position of the input. */
    private record Mutation(Kind kind, double at, int length, int token, int bit) {

        byte[] apply(byte[] input) {
            int position = (int) (at * input.length);
            return switch (kind) {
                case FLIP_BIT -> {
                    if (input.length == 0) {
                        yield input;
                    }
                    byte[] out = input.clone();
                    out[Math.min(position, out.length - 1)] ^= (byte) (1 << bit);
                    yield out;
                }
                case INSERT_TOKEN -> concat(Arrays.copyOfRange(input, 0, position), TOKENS[token],
                        Arrays.copyOfRange(input, position, input.length));
                case DELETE_RANGE -> concat(Arrays.copyOfRange(input, 0, position),
                        Arrays.copyOfRange(input, Math.min(input.length, position + length), input.length));
                case DUPLICATE_RANGE -> {
                    byte[] range = Arrays.copyOfRange(input, position, Math.min(input.length, position + length));
                    yield concat(Arrays.copyOfRange(input, 0, position), range, range,
                            Arrays.copyOfRange(input, position + range.length, input.length));
                }
                case TRUNCATE -> Arrays.copyOf(input, position);
            };
        }
    }

    private FuzzInputs() {
    }

    /** Random bytes one time in four, else one of {@code seeds} with one to eight mutations. */
    static Arbitrary<byte[]> randomOrMutated(List<byte[]> seeds, int maxRandomLength) {
        Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(maxRandomLength);
        Arbitrary<Mutation> mutation = Combinators
                .combine(Arbitraries.of(Kind.class), Arbitraries.doubles().between(0, 1),
                        Arbitraries.integers().between(1, 64), Arbitraries.integers().between(0, TOKENS.length - 1),
                        Arbitraries.integers().between(0, 7))
                .as(Mutation::new);
        Arbitrary<byte[]> mutated = Combinators
                .combine(Arbitraries.of(seeds), mutation.list().ofMinSize(1).ofMaxSize(8))
                .as((seed, mutations) -> {
                    byte[] bytes = seed;
                    for (Mutation m : mutations) {
                        bytes = m.apply(bytes);
                    }
                    return bytes;
                });
        return Arbitraries.frequencyOf(Tuple.of(1, random), Tuple.of(3, mutated));
    }

    static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A call into the product that may refuse its input. */
    interface ProductCall<T> {
        T call() throws NoveltyException;
    }

    /**
     * Runs {@code call}, failing the try if it takes longer than {@link #NO_HANG}; the product's own refusal passes
     * through unchanged (JUnit rethrows what the call threw).
     */
    static <T> T withoutHanging(ProductCall<T> call) throws NoveltyException {
        ThrowingSupplier<T> supplier = call::call;
        return Assertions.assertTimeoutPreemptively(NO_HANG, supplier);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
