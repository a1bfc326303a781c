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
        assertOnnxRuntimeComesFromTheCacheFolder(List.of("embed", "Apple trees in rows.")); //$NON-NLS-1$ //$NON-NLS-2$
    }

    /**
     * A custom model whose descriptor leaves out "dimension" is run once while the descriptor loads, to read it: that
     * probe is then ONNX Runtime's first use in the JVM, before the embedder that knows the cache folder exists.
     */
    @Test
    void aModelProbedForItsDimensionAlsoLoadsOnnxRuntimeFromTheCacheFolder() throws Exception {
        Path shipped = Path.of("..", "io.noveltylens.model.minilm", "models", "all-minilm-l6-v2").toAbsolutePath(); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
        Path custom = Files.createDirectories(dir.resolve("custom-model")); //$NON-NLS-1$
        for (String file : List.of("all-minilm-l6-v2.onnx", "all-minilm-l6-v2-tokenizer.json")) { //$NON-NLS-1$ //$NON-NLS-2$
            Files.createSymbolicLink(custom.resolve(file), shipped.resolve(file));
        }
        String descriptor = Files.readString(shipped.resolve("novelty-model.json")) //$NON-NLS-1$
                .replaceAll(",\\s*\"dimension\"\\s*:\\s*\\d+", ""); //$NON-NLS-1$ //$NON-NLS-2$
        assertFalse(descriptor.contains("dimension"), descriptor); //$NON-NLS-1$
        Files.writeString(custom.resolve("novelty-model.json"), descriptor); //$NON-NLS-1$
        assertOnnxRuntimeComesFromTheCacheFolder(List.of("embed", "--model", custom.toString(), "Apple trees in rows.")); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
    }

    private void assertOnnxRuntimeComesFromTheCacheFolder(List<String> args) throws Exception {
        Path tmp = Files.createDirectories(dir.resolve("tmp")); //$NON-NLS-1$
        Path cache = dir.resolve("cache"); //$NON-NLS-1$
        Path log = dir.resolve("library.log"); //$NON-NLS-1$
        ProcessBuilder cli = CliProcess.builder(dir, args);
        cli.command().addAll(1, List.of("-Xlog:library=info:file=" + log, "-Djava.io.tmpdir=" + tmp)); //$NON-NLS-1$ //$NON-NLS-2$
        cli.environment().put("NOVELTY_CACHE", cache.toString()); //$NON-NLS-1$
        Process process = cli.redirectInput(new File("/dev/null")).redirectOutput(dir.resolve("out.txt").toFile()) //$NON-NLS-1$ //$NON-NLS-2$
                .redirectError(dir.resolve("err.txt").toFile()).start(); //$NON-NLS-1$
        assertTrue(process.waitFor(5, TimeUnit.MINUTES), "novelty embed finished"); //$NON-NLS-1$
        assertEquals(0, process.exitValue(), Files.readString(dir.resolve("err.txt"))); //$NON-NLS-1$

        List<String> loaded = Files.readAllLines(log).stream().filter(line -> line.contains("Loaded library") //$NON-NLS-1$
                && line.contains("onnxruntime")).toList(); //$NON-NLS-1$
        Path folder = cache.resolve("onnxruntime"); //$NON-NLS-1$
        assertEquals(List.of(folder.resolve("libonnxruntime.so"), folder.resolve("libonnxruntime4j_jni.so")), //$NON-NLS-1$ //$NON-NLS-2$
                loaded.stream().map(NativeLibrariesIT::loadedPath).toList(), String.join("\n", loaded)); //$NON-NLS-1$
        try (Stream<Path> left = Files.list(tmp)) {
            System.out.println("NativeLibraries: left in java.io.tmpdir: " + left.toList()); //$NON-NLS-1$
        }
        try (Stream<Path> files = Files.walk(tmp)) {
            assertEquals(List.of(), files.filter(Files::isRegularFile).toList(), "no library is copied to java.io.tmpdir"); //$NON-NLS-1$
        }
    }

    /** "[0.9s][info][library] Loaded library /path/lib.so, handle 0x..." */
    private static Path loadedPath(String line) {
        String path = line.substring(line.indexOf("Loaded library ") + "Loaded library ".length()); //$NON-NLS-1$ //$NON-NLS-2$
        return Path.of(path.substring(0, path.indexOf(", handle"))); //$NON-NLS-1$
    }
}
