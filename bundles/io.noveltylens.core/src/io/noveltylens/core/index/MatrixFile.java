package io.noveltylens.core.index;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import io.noveltylens.core.math.FloatMatrix;

/** A float matrix on disk: rows and columns (int32), then the values row by row, little-endian float32. */
final class MatrixFile {

    private static final int HEADER_BYTES = 8;

    private MatrixFile() {
    }

    static void write(FloatMatrix matrix, Path file) throws IOException {
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
            out.write(header.putInt(matrix.rows()).putInt(matrix.cols()).flip());
            ByteBuffer body = ByteBuffer.allocate(matrix.cols() * 4 * 1024).order(ByteOrder.LITTLE_ENDIAN);
            for (int row = 0; row < matrix.rows(); row++) {
                if (body.remaining() < matrix.cols() * 4) {
                    out.write(body.flip());
                    body.clear();
                }
                for (int col = 0; col < matrix.cols(); col++) {
                    body.putFloat(matrix.get(row, col));
                }
            }
            out.write(body.flip());
        }
    }

    static FloatMatrix read(Path file) throws IOException {
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            Shape shape = Shape.of(in, file);
            ByteBuffer body = ByteBuffer.allocate(4 * shape.rows() * shape.cols()).order(ByteOrder.LITTLE_ENDIAN);
            readFully(in, body);
            float[] data = new float[shape.rows() * shape.cols()];
            body.flip().asFloatBuffer().get(data);
            return new FloatMatrix(shape.rows(), shape.cols(), data);
        }
    }

    /**
     * The matrix in {@code file} read in place: the file mapped into memory, read-only, until {@code arena} is closed,
     * so its values take no heap (docs/design.md, Memory). On a big-endian machine, where the file's byte order is
     * not the native one, a copy on the heap.
     */
    static FloatMatrix map(Path file, Arena arena) throws IOException {
        if (ByteOrder.nativeOrder() != ByteOrder.LITTLE_ENDIAN) {
            return read(file);
        }
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            Shape shape = Shape.of(in, file);
            MemorySegment values = in.map(FileChannel.MapMode.READ_ONLY, HEADER_BYTES,
                    (long) Float.BYTES * shape.rows() * shape.cols(), arena);
            return FloatMatrix.over(values, shape.rows(), shape.cols());
        }
    }

    /** The size of a matrix, read from the header of its file, which must be as long as the size says. */
    private record Shape(int rows, int cols) {

        static Shape of(FileChannel in, Path file) throws IOException {
            ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
            readFully(in, header);
            int rows = header.flip().getInt();
            int cols = header.getInt();
            long expected = HEADER_BYTES + 4L * rows * cols;
            if (rows < 0 || cols < 0 || in.size() != expected) {
                throw new IOException(
                        file.getFileName() + " is truncated or corrupt (" + in.size() + " bytes, expected "
                                + expected + ")");
            }
            return new Shape(rows, cols);
        }
    }

    private static void readFully(FileChannel in, ByteBuffer into) throws IOException {
        while (into.hasRemaining()) {
            if (in.read(into) < 0) {
                throw new IOException("unexpected end of file");
            }
        }
    }
}
