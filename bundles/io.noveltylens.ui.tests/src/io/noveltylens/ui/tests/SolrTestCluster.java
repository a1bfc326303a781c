package io.noveltylens.ui.tests;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The 3-node SolrCloud test cluster (releng/io.noveltylens.solr.cluster, 127.0.0.1 only) in its own JVM, as the CLI's
 * SolrCloudIT runs it: Solr's server side brings Lucene 9 and Jetty's server, which belong in no OSGi runtime. Only
 * the start of its stdin/stdout protocol is read here (the addresses, then "ready"); closing standard input stops it.
 */
final class SolrTestCluster implements AutoCloseable {

    private static final long STOP_SECONDS = 60;

    private final Process process;
    private final String zkHost;

    private SolrTestCluster(Process process, String zkHost) {
        this.process = process;
        this.zkHost = zkHost;
    }

    /** Starts {@code nodes} nodes with their data and log under {@code dir}, returning once they are ready. */
    static SolrTestCluster start(int nodes, Path dir) throws IOException {
        Path jar = Path.of(System.getProperty("noveltylens.solr.cluster.jar", "missing")); //$NON-NLS-1$ //$NON-NLS-2$
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build releng/io.noveltylens.solr.cluster first"); //$NON-NLS-1$
        }
        Files.createDirectories(dir);
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
                "-Xmx1g", "-jar", jar.toString(), Integer.toString(nodes), dir.resolve("data").toString()) //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
                .redirectError(dir.resolve("cluster.log").toFile()).start(); //$NON-NLS-1$
        try {
            // the protocol's first lines: "zk HOST:PORT/solr", "solr URL URL ...", "ready"; a dead process ends the stream
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String zk = null;
            for (String line = out.readLine(); !"ready".equals(line); line = out.readLine()) { //$NON-NLS-1$
                if (line == null) {
                    throw new IllegalStateException("The Solr test cluster stopped before it was ready; see " //$NON-NLS-1$
                            + dir.resolve("cluster.log")); //$NON-NLS-1$
                }
                if (line.startsWith("zk ")) { //$NON-NLS-1$
                    zk = line.substring(3);
                }
            }
            return new SolrTestCluster(process, zk);
        } catch (IOException | RuntimeException e) {
            process.destroyForcibly();
            throw e;
        }
    }

    /** The ZooKeeper connect string with Solr's chroot, as a user types it on the preference page. */
    String zkHost() {
        return zkHost;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try (OutputStream in = process.getOutputStream()) {
            in.write("quit\n".getBytes(StandardCharsets.UTF_8)); //$NON-NLS-1$
        }
        if (!process.waitFor(STOP_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
