package io.noveltylens.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A SolrCloud of several nodes on 127.0.0.1 in its own JVM (releng/io.noveltylens.solr.cluster: Solr's server side
 * brings Lucene 9.12, which cannot share a class path with ours), driven through its stdin/stdout protocol.
 */
final class SolrCloudProcess implements AutoCloseable {

    private static final long TIMEOUT_SECONDS = 120;

    private final Process process;
    private final PrintStream commands;
    private final BlockingQueue<String> answers = new LinkedBlockingQueue<>();
    private final String zkHost;
    private final List<String> solrUrls;

    private SolrCloudProcess(Process process) throws IOException, InterruptedException {
        this.process = process;
        this.commands = new PrintStream(process.getOutputStream(), true, StandardCharsets.UTF_8);
        Thread reader = new Thread(this::readAnswers, "solr-cloud-stdout"); //$NON-NLS-1$
        reader.setDaemon(true);
        reader.start();
        zkHost = answer("zk ").substring(3); //$NON-NLS-1$
        solrUrls = Arrays.asList(answer("solr ").substring(5).split(" ")); //$NON-NLS-1$ //$NON-NLS-2$
        answer("ready"); //$NON-NLS-1$
    }

    /** Starts {@code nodes} nodes with their data under {@code dir}; logs go to dir/cluster.log. */
    static SolrCloudProcess start(int nodes, Path dir) throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty("novelty.solr.cluster.jar", //$NON-NLS-1$
                "../../releng/io.noveltylens.solr.cluster/target/solr-cluster.jar")).toAbsolutePath(); //$NON-NLS-1$
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build releng/io.noveltylens.solr.cluster first"); //$NON-NLS-1$
        }
        Files.createDirectories(dir);
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
                "-Xmx1g", "-jar", jar.toString(), Integer.toString(nodes), dir.resolve("data").toString()) //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
                .redirectError(dir.resolve("cluster.log").toFile()).start(); //$NON-NLS-1$
        try {
            return new SolrCloudProcess(process);
        } catch (IOException | InterruptedException | RuntimeException e) {
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

    /** The next line of the protocol, which must start with {@code prefix}. */
    private String answer(String prefix) throws InterruptedException {
        String line = answers.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (line == null || !line.startsWith(prefix)) {
            throw new IllegalStateException("The Solr cluster answered '" + line + "' where '" + prefix //$NON-NLS-1$ //$NON-NLS-2$
                    + "...' was expected (alive: " + process.isAlive() + "); see its cluster.log"); //$NON-NLS-1$ //$NON-NLS-2$
        }
        return line;
    }

    String zkHost() {
        return zkHost;
    }

    List<String> solrUrls() {
        return solrUrls;
    }

    /** Stops node {@code node}, returning once it is down. */
    void stop(int node) throws InterruptedException {
        commands.println("stop " + node); //$NON-NLS-1$
        answer("stopped " + node); //$NON-NLS-1$
    }

    /** Restarts node {@code node} on its old port, returning once it is live again. */
    void start(int node) throws InterruptedException {
        commands.println("start " + node); //$NON-NLS-1$
        answer("started " + node); //$NON-NLS-1$
    }

    @Override
    public void close() throws InterruptedException {
        commands.println("quit"); //$NON-NLS-1$
        commands.close();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
