package io.noveltylens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ONNX Runtime's native libraries are loaded from the CLI's cache folder, never from copies in {@code java.io.tmpdir}
 * (which ONNX Runtime 1.28 makes on every start when left alone). A fresh JVM, because a library is loaded once per
 * JVM; the JVM's own library log ({@code -Xlog:library}) says which file it loaded.
 */
class NativeLibrariesIT {

    @TempDir
    Path dir;

    @Test
    void onnxRuntimeIsLoadedFromTheCacheFolderNotFromTheTempFolder() throws Exception {
        assertOnnxRuntimeComesFromTheCacheFolder(List.of("embed", "Apple trees in rows."));
    }

    /**
     * A custom model whose descriptor leaves out "dimension" is run once while the descriptor loads, to read it: that
     * probe is then ONNX Runtime's first use in the JVM, before the embedder that knows the cache folder exists.
     */
    @Test
    void aModelProbedForItsDimensionAlsoLoadsOnnxRuntimeFromTheCacheFolder() throws Exception {
        Path shipped = Path.of("..", "io.noveltylens.model.minilm", "models", "all-minilm-l6-v2").toAbsolutePath();
        Path custom = Files.createDirectories(dir.resolve("custom-model"));
        for (String file : List.of("all-minilm-l6-v2.onnx", "all-minilm-l6-v2-tokenizer.json")) {
            Files.createSymbolicLink(custom.resolve(file), shipped.resolve(file));
        }
        String descriptor = Files.readString(shipped.resolve("novelty-model.json"))
                .replaceAll(",\\s*\"dimension\"\\s*:\\s*\\d+", "");
        assertFalse(descriptor.contains("dimension"), descriptor);
        Files.writeString(custom.resolve("novelty-model.json"), descriptor);
        assertOnnxRuntimeComesFromTheCacheFolder(
                List.of("embed", "--model", custom.toString(), "Apple trees in rows."));
    }

    private void assertOnnxRuntimeComesFromTheCacheFolder(List<String> args) throws Exception {
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        Path cache = dir.resolve("cache");
        Path log = dir.resolve("library.log");
        ProcessBuilder cli = CliProcess.builder(dir, args);
        cli.command().addAll(1, List.of("-Xlog:library=info:file=" + log, "-Djava.io.tmpdir=" + tmp));
        cli.environment().put("NOVELTY_CACHE", cache.toString());
        Process process = cli.redirectInput(new File("/dev/null")).redirectOutput(dir.resolve("out.txt").toFile())
                .redirectError(dir.resolve("err.txt").toFile()).start();
        assertTrue(process.waitFor(5, TimeUnit.MINUTES), "novelty embed finished");
        assertEquals(0, process.exitValue(), Files.readString(dir.resolve("err.txt")));

        List<String> loaded = Files.readAllLines(log).stream().filter(line -> line.contains("Loaded library")
                && line.contains("onnxruntime")).toList();
        Path folder = cache.resolve("onnxruntime");
        assertEquals(List.of(folder.resolve("libonnxruntime.so"), folder.resolve("libonnxruntime4j_jni.so")),
                loaded.stream().map(NativeLibrariesIT::loadedPath).toList(), String.join("\n", loaded));
        try (Stream<Path> left = Files.list(tmp)) {
            System.out.println("NativeLibraries: left in java.io.tmpdir: " + left.toList());
        }
        try (Stream<Path> files = Files.walk(tmp)) {
            assertEquals(List.of(), files.filter(Files::isRegularFile).toList(),
                    "no library is copied to java.io.tmpdir");
        }
    }

    /** "[0.9s][info][library] Loaded library /path/lib.so, handle 0x..." */
    private static Path loadedPath(String line) {
        String path = line.substring(line.indexOf("Loaded library ") + "Loaded library ".length());
        return Path.of(path.substring(0, path.indexOf(", handle")));
    }
}
