package io.noveltylens.test.support;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

/** A model file changed so that only its content tells: what the background check of the model files must catch. */
public final class ModelTampering {

    private ModelTampering() {
    }

    /**
     * Flips one bit in the middle of {@code file} (for an ONNX model, a weight: the model still loads, its vectors
     * differ) and puts its modification time back, so its size and time look unchanged.
     */
    public static void flipOneBitKeepingTime(Path file) throws IOException {
        FileTime time = Files.getLastModifiedTime(file);
        try (RandomAccessFile bytes = new RandomAccessFile(file.toFile(), "rw")) {
            long middle = bytes.length() / 2;
            bytes.seek(middle);
            int value = bytes.read();
            bytes.seek(middle);
            bytes.write(value ^ 1);
        }
        Files.setLastModifiedTime(file, time);
    }
}
