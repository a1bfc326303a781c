package io.noveltylens.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.noveltylens.core.NoveltyException;
import io.noveltylens.core.NoveltyException.Kind;
import io.noveltylens.core.math.FloatMatrix;

/**
 * Vectors from a researcher's file, one per row: tab- or whitespace-separated text, or NumPy's .npy (float32 or
 * float64, C order, one or two dimensions). Every value must be finite and every row the same length.
 */
final class VectorFile {

    private static final Pattern NPY_SHAPE = Pattern.compile("'shape':\\s*\\((\\d+),\\s*(\\d*)\\)");
    private static final Pattern NPY_DESCR = Pattern.compile("'descr':\\s*'([<>|]?)([fi])(\\d)'");

    private VectorFile() {
    }

    static FloatMatrix read(Path file) throws NoveltyException {
        try {
            FloatMatrix matrix = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".npy")
                    ? readNpy(file) : readText(file);
            for (int i = 0; i < matrix.rows(); i++) {
                for (int j = 0; j < matrix.cols(); j++) {
                    if (!Float.isFinite(matrix.get(i, j))) {
                        throw bad(file, "row " + (i + 1) + ", column " + (j + 1) + " is " + matrix.get(i, j)
                                + "; every value must be a finite number");
                    }
                }
            }
            if (matrix.rows() == 0 || matrix.cols() == 0) {
                throw bad(file, "it holds no vectors (shape " + matrix.rows() + " x " + matrix.cols() + ")");
            }
            return matrix;
        } catch (IOException e) {
            throw new NoveltyException(Kind.BAD_INPUT, "Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static FloatMatrix readText(Path file) throws NoveltyException {
        List<float[]> rows = new ArrayList<>();
        int line = 0;
        for (String text : Utf8Text.read(file).lines().toList()) {
            line++;
            if (text.isBlank() || text.startsWith("#")) {
                continue;
            }
            String[] fields = text.strip().split("[\\s,]+");
            float[] row = new float[fields.length];
            for (int j = 0; j < fields.length; j++) {
                try {
                    row[j] = Float.parseFloat(fields[j]);
                } catch (NumberFormatException e) {
                    throw bad(file, "line " + line + ": '" + fields[j] + "' is not a number");
                }
            }
            if (!rows.isEmpty() && row.length != rows.get(0).length) {
                throw bad(file, "line " + line + " has " + row.length + " values, the first row " + rows.get(0).length);
            }
            rows.add(row);
        }
        return rows.isEmpty() ? new FloatMatrix(0, 0, new float[0]) : FloatMatrix.of(rows.toArray(float[][]::new));
    }

    private static FloatMatrix readNpy(Path file) throws IOException, NoveltyException {
        byte[] bytes = Files.readAllBytes(file);
        if (bytes.length < 10 || bytes[0] != (byte) 0x93
                || !new String(bytes, 1, 5, StandardCharsets.US_ASCII).equals("NUMPY")) {
            throw bad(file, "it is not a NumPy .npy file");
        }
        int major = bytes[6];
        if (major < 1 || major > 3) {
            throw bad(file, "its .npy format version " + major + " is unknown (NumPy writes 1, 2 or 3)");
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int headerStart = major == 1 ? 10 : 12;
        long headerLength = bytes.length < headerStart ? -1
                : major == 1 ? buffer.getShort(8) & 0xFFFF : buffer.getInt(8) & 0xFFFFFFFFL;
        if (headerLength < 0 || headerStart + headerLength > bytes.length) {
            throw bad(file, "its .npy header is cut short (the file is truncated or damaged)");
        }
        String header = new String(bytes, headerStart, (int) headerLength, StandardCharsets.US_ASCII);
        if (header.contains("'fortran_order': True")) {
            throw bad(file, "Fortran-ordered arrays are not supported; save with np.ascontiguousarray");
        }
        Matcher descr = NPY_DESCR.matcher(header);
        Matcher shape = NPY_SHAPE.matcher(header.replace(",)", ", )"));
        if (!descr.find() || !shape.find() || descr.group(2).equals("i")) {
            throw bad(file, "only float32 and float64 arrays of one or two dimensions are supported (header "
                    + header.strip() + ")");
        }
        int width = Integer.parseInt(descr.group(3));
        long rows = shape.group(2).isEmpty() ? 1 : dimension(file, shape.group(1));
        long cols = dimension(file, shape.group(2).isEmpty() ? shape.group(1) : shape.group(2));
        buffer.order(descr.group(1).equals(">") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        buffer.position(headerStart + (int) headerLength);
        // compared before anything is allocated: a forged shape must not size an array
        if ((width != 4 && width != 8) || rows * cols * width != buffer.remaining()) {
            throw bad(file, "the data size does not match the header " + header.strip());
        }
        float[] data = new float[(int) (rows * cols)];
        for (int i = 0; i < data.length; i++) {
            data[i] = width == 4 ? buffer.getFloat() : (float) buffer.getDouble();
        }
        return new FloatMatrix((int) rows, (int) cols, data);
    }

    /** One size of an .npy shape; digits only (the pattern), but possibly more than a long holds. */
    private static long dimension(Path file, String digits) throws NoveltyException {
        if (digits.length() > 12) {
            throw bad(file, "its .npy shape (" + digits + ") is larger than any file");
        }
        return Long.parseLong(digits);
    }

    private static NoveltyException bad(Path file, String problem) {
        return new NoveltyException(Kind.BAD_INPUT, file + ": " + problem + ".");
    }
}
