package io.noveltylens.test.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A SolrCloud test cluster of several nodes on 127.0.0.1 (releng/io.noveltylens.solr.cluster) in its own JVM, driven
 * through its stdin/stdout protocol: Solr's server side brings Lucene 9 and Jetty's server, which share neither the
 * CLI's class path (Lucene 10) nor an OSGi runtime. The jar is named by the system property {@value #JAR_PROPERTY},
 * by default its build output seen from a bundle folder, the working directory of the CLI's tests.
 */
public final class SolrTestCluster implements AutoCloseable {

    private static final String JAR_PROPERTY = "noveltylens.solr.cluster.jar";
    private static final String DEFAULT_JAR = "../../releng/io.noveltylens.solr.cluster/target/solr-cluster.jar";
    /** How long one answer of the protocol may take, including the start of all nodes and a restart's recovery. */
    private static final long TIMEOUT_SECONDS = 120;

    private final Process process;
    private final Path log;
    private final PrintStream commands;
    private final BlockingQueue<String> answers = new LinkedBlockingQueue<>();
    private final String zkHost;
    private final List<String> solrUrls;

    private SolrTestCluster(Process process, Path log) throws InterruptedException {
        this.process = process;
        this.log = log;
        this.commands = new PrintStream(process.getOutputStream(), true, StandardCharsets.UTF_8);
        Thread reader = new Thread(this::readAnswers, "solr-test-cluster-stdout");
        reader.setDaemon(true);
        reader.start();
        zkHost = answer("zk ").substring(3);
        solrUrls = Arrays.asList(answer("solr ").substring(5).split(" "));
        answer("ready");
    }

    /** Starts {@code nodes} nodes with their data and cluster.log under {@code dir}, returning once they are ready. */
    public static SolrTestCluster start(int nodes, Path dir) throws IOException, InterruptedException {
        return start(nodes, dir, List.of(), null);
    }

    /**
     * Starts a secured cluster: {@code securityJson} (see {@link SolrSecurityJson}) in force from the start, and TLS
     * only, with {@code certificate}'s key store on every node; the nodes' URLs then start with https.
     */
    public static SolrTestCluster startSecured(int nodes, Path dir, String securityJson,
            SelfSignedCertificate certificate) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Path security = Files.writeString(dir.resolve("security.json"), securityJson);
        return start(nodes, dir, List.of(security.toString(), certificate.keyStore().toString()),
                certificate.password());
    }

    private static SolrTestCluster start(int nodes, Path dir, List<String> security, String keyStorePassword)
            throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty(JAR_PROPERTY, DEFAULT_JAR)).toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build releng/io.noveltylens.solr.cluster first, or name"
                    + " its jar with -D" + JAR_PROPERTY);
        }
        Files.createDirectories(dir);
        Path log = dir.resolve("cluster.log");
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx1g", "-jar", jar.toString(), Integer.toString(nodes), dir.resolve("data").toString()));
        command.addAll(security);
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(log.toFile());
        if (keyStorePassword != null) {
            builder.environment().put("NOVELTY_TEST_KEYSTORE_PASSWORD", keyStorePassword);
        }
        Process process = builder.start();
        try {
            return new SolrTestCluster(process, log);
        } catch (InterruptedException | RuntimeException e) {
            process.destroyForcibly();
            throw e;
        }
    }

    private void readAnswers() {
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                answers.add(line);
            }
        } catch (IOException e) {
            // the process ended; answer() reports the missing line
        }
    }

    /**
     * The next line of the protocol, which must start with {@code prefix}. When none comes in time, the cluster's
     * threads are dumped beside its log first: a hang is diagnosed from where they wait.
     */
    private String answer(String prefix) throws InterruptedException {
        String line = answers.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (line == null || !line.startsWith(prefix)) {
            String threads = line == null && process.isAlive() ? "; " + dumpThreads() : "";
            throw new IllegalStateException("The Solr test cluster answered '" + line + "' where '" + prefix
                    + "...' was expected (alive: " + process.isAlive() + "); see " + log + threads);
        }
        return line;
    }

    /** Writes the cluster process's thread dump (jstack of the running JVM) beside its log, saying where. */
    private String dumpThreads() throws InterruptedException {
        Path dump = log.resolveSibling("threads-" + System.currentTimeMillis() + ".txt");
        try {
            Process jstack = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jstack").toString(),
                    Long.toString(process.pid())).redirectOutput(dump.toFile()).redirectErrorStream(true).start();
            jstack.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (IOException e) {
            return "no thread dump: " + e.getMessage();
        }
        return "its threads are in " + dump;
    }

    /** The ZooKeeper connect string with Solr's chroot, as a user types it ({@code --zk}, the preference page). */
    public String zkHost() {
        return zkHost;
    }

    /** The nodes' base URLs, node 0 first. */
    public List<String> solrUrls() {
        return solrUrls;
    }

    /** Stops node {@code node}, returning once it is down. */
    public void stop(int node) throws InterruptedException {
        commands.println("stop " + node);
        answer("stopped " + node);
    }

    /** Restarts node {@code node} on its old port, returning once it and every replica are live again. */
    public void start(int node) throws InterruptedException {
        commands.println("start " + node);
        answer("started " + node);
    }

    @Override
    public void close() throws InterruptedException {
        commands.println("quit");
        commands.close();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
