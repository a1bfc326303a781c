package io.noveltylens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import io.noveltylens.core.NoveltyException;
import io.noveltylens.core.math.FloatMatrix;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * {@code novelty hull}'s vector files (NumPy .npy, whitespace- or tab-separated text) on any bytes. A well-formed file
 * reads back exactly the matrix written by the format's own definition (the .npy header as NumPy's
 * {@code format.write_array} lays it out); a damaged or forged one gives a matrix of finite values or a
 * {@link NoveltyException.Kind#BAD_INPUT} naming the file, never another exception, a hang or an allocation the size
 * a forged header asks for.
 */
class VectorFileFuzzTest {

    @Property
    void aWellFormedFileReadsBackExactly(@ForAll @IntRange(min = 1, max = 12) int rows,
            @ForAll @IntRange(min = 1, max = 40) int cols, @ForAll("formats") String format, @ForAll long seed)
            throws IOException, NoveltyException {
        float[] data = new float[rows * cols];
        Random random = new Random(seed);
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) (random.nextGaussian() * Math.pow(10, random.nextInt(9) - 4));
        }
        Path file = Files.createTempFile("fuzz-vectors", format.equals("tsv") ? ".tsv" : ".npy");
        try {
            Files.write(file, switch (format) {
                case "npy-f4" -> npy(rows, cols, data, false);
                case "npy-f8" -> npy(rows, cols, data, true);
                default -> tsv(rows, cols, data);
            });
            FloatMatrix read = VectorFile.read(file);
            assertEquals(rows, read.rows());
            assertEquals(cols, read.cols());
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    assertEquals(data[i * cols + j], read.get(i, j), 0f, "row " + i + ", column " + j);
                }
            }
        } finally {
            Files.delete(file);
        }
    }

    @Property
    void anyOtherFileGivesFiniteVectorsOrAClearError(@ForAll("damaged") byte[] bytes, @ForAll boolean npyName)
            throws IOException {
        Path file = Files.createTempFile("fuzz-vectors", npyName ? ".npy" : ".tsv");
        try {
            Files.write(file, bytes);
            FloatMatrix read;
            try {
                read = FuzzInputs.withoutHanging(() -> VectorFile.read(file));
            } catch (NoveltyException e) {
                assertEquals(NoveltyException.Kind.BAD_INPUT, e.kind(), e.getMessage());
                assertTrue(e.getMessage().contains(file.toString()), () -> "names the file: " + e.getMessage());
                return;
            }
            assertTrue(read.rows() > 0 && read.cols() > 0, "a matrix, not an empty one");
            for (int i = 0; i < read.rows(); i++) {
                for (int j = 0; j < read.cols(); j++) {
                    if (!Float.isFinite(read.get(i, j))) {
                        fail("a non-finite value at " + i + ", " + j);
                    }
                }
            }
        } finally {
            Files.delete(file);
        }
    }

    @Provide
    Arbitrary<String> formats() {
        return Arbitraries.of("npy-f4", "npy-f8", "tsv");
    }

    @Provide
    Arbitrary<byte[]> damaged() {
        float[] data = { 0.5f, -1.25f, 3e-3f, 7f, 0f, -0f, 1e6f, 2.5f, -8f, 0.125f, 4f, 9f };
        return FuzzInputs.randomOrMutated(List.of(npy(3, 4, data, false), npy(2, 6, data, true), npy(1, 12, data,
                false), tsv(3, 4, data), FuzzInputs.utf8("# comment\n1,2,3\n4,5,6\n")), 2048);
    }

    /** A version 1.0 .npy file: magic, version, header length, a Python dict padded to 64 bytes, the data. */
    static byte[] npy(int rows, int cols, float[] data, boolean float64) {
        String dict = String.format(Locale.ROOT, "{'descr': '<f%d', 'fortran_order': False, 'shape': (%d, %d), }",
                float64 ? 8 : 4, rows, cols);
        int unpadded = 10 + dict.length() + 1;
        String header = dict + " ".repeat((64 - unpadded % 64) % 64) + "\n";
        ByteBuffer out = ByteBuffer.allocate(10 + header.length() + data.length * (float64 ? 8 : 4))
                .order(ByteOrder.LITTLE_ENDIAN);
        out.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 0);
        out.putShort((short) header.length()).put(header.getBytes(StandardCharsets.US_ASCII));
        for (float value : data) {
            if (float64) {
                out.putDouble(value);
            } else {
                out.putFloat(value);
            }
        }
        return out.array();
    }

    private static byte[] tsv(int rows, int cols, float[] data) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                text.append(j == 0 ? "" : "\t").append(data[i * cols + j]);
            }
            text.append('\n');
        }
        return FuzzInputs.utf8(text.toString());
    }
}
