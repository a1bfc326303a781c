package io.noveltylens.core.embed;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import io.noveltylens.core.CoreText;
import io.noveltylens.core.NoveltyException;

/**
 * Makes DJL (tokenizers 0.38.0) safe to use inside the IDE and the CLI, before its first use in the JVM.
 * <ul>
 * <li>Offline, always: without {@code ai.djl.offline=true} every tokenizer creation queries the EC2 metadata service
 * and a telemetry URL, and on a GPU machine downloads a CUDA build of the library (docs/design.md section 4).</li>
 * <li>Its writes go under the caller's cache dir, unless the user set the properties: DJL extracts
 * {@code libtokenizers.so} to {@code ENGINE_CACHE_DIR/tokenizers/<version>-cpu-<os>/} (default {@code ~/.djl.ai}),
 * and its GPU probe makes JNA unpack into {@code jna.tmpdir} (default {@code ~/.cache/JNA/temp}).</li>
 * <li>The thread context class loader is DJL's own around the calls that find {@code native/lib/tokenizers.properties}:
 * under OSGi it is otherwise some other bundle's, and DJL fails with "No tokenizers version found in property
 * file".</li>
 * </ul>
 * These are JVM-wide system properties: the first caller's cache dir wins. A second copy of DJL in the same JVM
 * (another class loader) gets an engine cache dir of its own, because a native library can be loaded from one path
 * by one class loader only.
 */
final class DjlEnvironment {

    /** Work that calls DJL. */
    interface DjlCall<T> {
        T call() throws IOException;
    }

    /** The DJL class loader that extracted into {@code ENGINE_CACHE_DIR} first in this JVM. */
    private static final String FIRST_LOADER = "noveltylens.djl.loader";

    private DjlEnvironment() {
    }

    static synchronized void prepare(Path cacheDir) throws NoveltyException {
        System.setProperty("ai.djl.offline", "true");
        Path djl = cacheDir.resolve("djl");
        Path jna = cacheDir.resolve("jna");
        try {
            Files.createDirectories(djl);
            Files.createDirectories(jna);
        } catch (IOException e) {
            throw new NoveltyException(NoveltyException.Kind.IO,
                    CoreText.bind(CoreText.DjlEnvironment_noCache, cacheDir, e),
                    e);
        }
        OrtNatives.install(cacheDir); // the same rule for ONNX Runtime, first used after the tokenizer is loaded
        setIfAbsent("DJL_CACHE_DIR", djl);
        setIfAbsent("jna.tmpdir", jna);
        String loader = Integer.toHexString(System.identityHashCode(HuggingFaceTokenizer.class.getClassLoader()));
        String firstLoader = System.getProperty(FIRST_LOADER);
        if (firstLoader == null) {
            System.setProperty(FIRST_LOADER, loader);
            setIfAbsent("ENGINE_CACHE_DIR", djl);
        } else if (!firstLoader.equals(loader)) {
            // DJL was loaded again (a bundle refresh): the JVM refuses the library file the first copy loaded
            // ("already loaded in another classloader"), so this copy extracts its own (docs/design.md section 4).
            System.setProperty("ENGINE_CACHE_DIR", cacheDir.resolve("djl-" + loader).toString());
        }
    }

    static <T> T callWithOwnClassLoader(DjlCall<T> call) throws IOException {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(HuggingFaceTokenizer.class.getClassLoader());
        try {
            return call.call();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static void setIfAbsent(String key, Path dir) {
        if (System.getProperty(key) == null && System.getenv(key) == null) {
            System.setProperty(key, dir.toString());
        }
    }
}
