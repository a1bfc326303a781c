package io.noveltylens.core.embed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ai.onnxruntime.OrtEnvironment;

/**
 * Unpacking ONNX Runtime's native libraries into our own cache folder (instead of ONNX Runtime's copy into
 * {@code java.io.tmpdir} on every start): byte-exact, never through a symbolic link planted at the target, keeping a
 * correct existing copy, and leaving no temporary file. That the libraries are then loaded from there, in a fresh JVM,
 * is proved by the CLI's {@code NativeLibrariesIT}.
 */
class OrtNativesTest {

    @TempDir
    Path dir;

    @Test
    void theLibrariesAreUnpackedByteForByteAndNothingElseIsLeft() throws Exception {
        Path folder = dir.resolve("cache").resolve(OrtNatives.FOLDER);
        long start = System.nanoTime();
        OrtNatives.extract(folder);
        System.out.printf("OrtNatives: unpacked into an empty folder in %d ms%n",
                (System.nanoTime() - start) / 1_000_000);
        for (String library : OrtNatives.LIBRARIES) {
            assertArrayEquals(resource(library), Files.readAllBytes(folder.resolve(library)), library);
        }
        assertEquals(OrtNatives.LIBRARIES, names(folder), "no temporary file is left");
    }

    @Test
    void aSymlinkPlantedAtTheTargetIsReplacedAndItsTargetIsNotTouched() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("cache").resolve(OrtNatives.FOLDER));
        Path victim = Files.writeString(dir.resolve("victim.txt"), "a file the link points to");
        Path planted = Files.createSymbolicLink(folder.resolve(OrtNatives.LIBRARIES.get(0)), victim);
        OrtNatives.extract(folder);
        assertFalse(Files.isSymbolicLink(planted), "the link itself is replaced");
        assertTrue(Files.isRegularFile(planted, LinkOption.NOFOLLOW_LINKS));
        assertArrayEquals(resource(OrtNatives.LIBRARIES.get(0)), Files.readAllBytes(planted));
        assertEquals("a file the link points to", Files.readString(victim), "the link's target is not written");
    }

    @Test
    void aCorrectCopyIsKeptAndADamagedOneIsReplaced() throws Exception {
        Path folder = dir.resolve(OrtNatives.FOLDER);
        OrtNatives.extract(folder);
        Path runtime = folder.resolve(OrtNatives.LIBRARIES.get(0));
        Path binding = folder.resolve(OrtNatives.LIBRARIES.get(1));
        Object runtimeFile = Files.readAttributes(runtime, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
        byte[] damaged = resource(OrtNatives.LIBRARIES.get(1));
        damaged[damaged.length / 2] ^= 1; // same size, other content: only the SHA-256 tells them apart
        Files.write(binding, damaged);

        OrtNatives.extract(folder);
        assertEquals(runtimeFile,
                Files.readAttributes(runtime, java.nio.file.attribute.BasicFileAttributes.class).fileKey(),
                "a correct copy is not rewritten (a running IDE may have it mapped)");
        assertArrayEquals(resource(OrtNatives.LIBRARIES.get(1)), Files.readAllBytes(binding));

        long start = System.nanoTime();
        OrtNatives.extract(folder);
        System.out.printf("OrtNatives: a start with correct copies in place took %d ms%n",
                (System.nanoTime() - start) / 1_000_000);
    }

    private static byte[] resource(String library) throws Exception {
        try (InputStream in = OrtEnvironment.class.getResourceAsStream("/ai/onnxruntime/native/linux-x64/" + library)) {
            return in.readAllBytes();
        }
    }

    private static List<String> names(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }
}
