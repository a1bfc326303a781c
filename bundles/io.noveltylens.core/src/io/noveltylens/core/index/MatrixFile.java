package io.noveltylens.core.index;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import io.noveltylens.core.math.FloatMatrix;

/** A float matrix on disk: rows and columns (int32), then the values row by row, little-endian float32. */
final class MatrixFile {

    private MatrixFile() {
    }

    static void write(FloatMatrix matrix, Path file) throws IOException {
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer header = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
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
            ByteBuffer header = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            readFully(in, header);
            int rows = header.flip().getInt();
            int cols = header.getInt();
            long expected = 8L + 4L * rows * cols;
            if (rows < 0 || cols < 0 || in.size() != expected) {
                throw new IOException(
                        file.getFileName() + " is truncated or corrupt (" + in.size() + " bytes, expected "
                                + expected + ")");
            }
            ByteBuffer body = ByteBuffer.allocate(4 * rows * cols).order(ByteOrder.LITTLE_ENDIAN);
            readFully(in, body);
            float[] data = new float[rows * cols];
            body.flip().asFloatBuffer().get(data);
            return new FloatMatrix(rows, cols, data);
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
