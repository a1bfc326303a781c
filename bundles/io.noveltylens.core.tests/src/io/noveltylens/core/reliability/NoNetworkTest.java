package io.noveltylens.core.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketImpl;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.noveltylens.core.Progress;
import io.noveltylens.core.analysis.NoveltyReport;
import io.noveltylens.core.embed.ModelDescriptor;
import io.noveltylens.core.embed.OnnxEmbedder;
import io.noveltylens.core.embed.TestModels;
import io.noveltylens.core.engine.EngineConfig;
import io.noveltylens.core.engine.NoveltyEngine;
import io.noveltylens.core.index.IndexBuilder;
import io.noveltylens.core.index.IndexSettings;

/**
 * Nothing the engine does opens a socket: model load, tokenizer (DJL must stay offline), index build and a full
 * report run with a socket factory installed that records and refuses every socket this JVM tries to create.
 * (The CLI is also run in a network namespace without interfaces: see the CLI's NoNetworkIT.)
 */
class NoNetworkTest {

    @TempDir
    Path dir;

    @Test
    void indexingAndAnalysingOpenNoSocket() throws Exception {
        List<String> attempts = new CopyOnWriteArrayList<>();
        Socket.setSocketImplFactory(() -> {
            attempts.add(Thread.currentThread().getName() + ": " + new Throwable().getStackTrace()[3]);
            return new RefusingSocketImpl();
        });
        Path corpus = Files.createDirectories(dir.resolve("corpus"));
        Files.writeString(corpus.resolve("a.txt"), """
                The lighthouse keeper wrote letters to nobody.

                Every evening the fog came in from the sea and stayed until morning.

                Ships passed without stopping, their lights moving slowly along the horizon.
                """);
        // a fresh embedder, not the shared test one, so that model and tokenizer loading happen under the guard
        ModelDescriptor model = ModelDescriptor.load(TestModels.modelDir(TestModels.FP32), TestModels.cacheDir());
        try (OnnxEmbedder embedder = OnnxEmbedder.open(model, dir.resolve("cache"))) {
            new IndexBuilder(embedder, IndexSettings.defaults()).build(List.of(corpus), dir.resolve("index"),
                    Progress.NONE);
        }
        EngineConfig config = new EngineConfig(TestModels.modelDir(TestModels.FP32), dir.resolve("index"),
                dir.resolve("cache"), 2, Duration.ofSeconds(1));
        try (NoveltyEngine engine = NoveltyEngine.open(config, Progress.NONE)) {
            NoveltyReport report = engine.withHull(engine.analyze("The fog stayed all night.", Progress.NONE),
                    Progress.NONE);
            assertTrue(report.neighbours().get(0).text().contains("fog"));
        }
        assertEquals(List.of(), attempts, "sockets the engine tried to open");
    }

    /** A socket implementation that can never connect. */
    private static final class RefusingSocketImpl extends SocketImpl {
        @Override
        protected void create(boolean stream) throws IOException {
            throw new SocketException("Novelty Lens must not use the network");
        }

        @Override
        protected void connect(String host, int port) throws IOException {
            throw new SocketException("refused");
        }

        @Override
        protected void connect(java.net.InetAddress address, int port) throws IOException {
            throw new SocketException("refused");
        }

        @Override
        protected void connect(java.net.SocketAddress address, int timeout) throws IOException {
            throw new SocketException("refused");
        }

        @Override
        protected void bind(java.net.InetAddress host, int port) throws IOException {
            throw new SocketException("refused");
        }

        @Override
        protected void listen(int backlog) throws IOException {
            throw new SocketException("refused");
        }

        @Override
        protected void accept(SocketImpl s) throws IOException {
            throw new SocketException("refused");
        }

        @Override
        protected java.io.InputStream getInputStream() throws IOException {
            throw new SocketException("refused");
        }

        @Override
        protected java.io.OutputStream getOutputStream() throws IOException {
            throw new SocketException("refused");
        }

        @Override
        protected int available() {
            return 0;
        }

        @Override
        protected void close() {
        }

        @Override
        protected void sendUrgentData(int data) throws IOException {
            throw new SocketException("refused");
        }

        @Override
        public void setOption(int optID, Object value) {
        }

        @Override
        public Object getOption(int optID) {
            return null;
        }
    }
}
