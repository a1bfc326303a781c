package io.noveltylens.solr.cluster;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.solr.client.solrj.embedded.SSLConfig;
import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.apache.solr.embedded.JettySolrRunner;

/**
 * A SolrCloud of several nodes with an embedded ZooKeeper, listening on 127.0.0.1 only, run as its own process for
 * the SolrCloud tests and measurements (Solr's server side brings Lucene 9.12, which cannot share a class path with
 * our Lucene 10).
 * <p>
 * Usage: {@code java -jar solr-cluster.jar [NODES [DIR [SECURITY_JSON [KEYSTORE]]]]} (default 3 nodes in a temporary
 * folder). A security.json file (not "-") secures the cluster as a real one is secured: uploaded to ZooKeeper before
 * the nodes start, with its authentication and authorisation plugins. A PKCS12 key store makes every node speak TLS
 * only, with that key store's certificate, and trust it for the nodes' requests to each other; its password comes from
 * the environment variable {@value #KEYSTORE_PASSWORD}, so that no command line shows it. Standard output
 * carries only this protocol, one line each:
 * <pre>
 * zk 127.0.0.1:PORT/solr                 the ZooKeeper connect string, with Solr's chroot
 * solr URL URL ...                        the nodes' base URLs (http://127.0.0.1:PORT/solr), node 0 first
 * ready
 * </pre>
 * Commands on standard input: {@code stop I} answers {@code stopped I} once node I is down; {@code start I} restarts
 * it on its old port and answers {@code started I URL} once it is live and every replica of every collection is
 * active again (so that another node can be stopped safely); {@code quit} or the end of standard
 * input (the parent died) shuts the cluster down. A command that cannot be carried out answers {@code error ...}.
 * Logs (warnings and errors) go to standard error.
 */
public final class LocalSolrCloud {

    /** Seconds a restarted node may take to register as live in ZooKeeper. */
    private static final int NODE_START_TIMEOUT = 60;
    /** The environment variable with the TLS key store's password. */
    private static final String KEYSTORE_PASSWORD = "NOVELTY_TEST_KEYSTORE_PASSWORD";

    private LocalSolrCloud() {
    }

    public static void main(String[] args) throws Exception {
        // before the first logger or Solr class loads: the listening address and where the logs go
        System.setProperty("host", "127.0.0.1");
        System.setProperty("log4j2.configurationFile", "novelty-solr-log4j2.xml");
        PrintStream protocol = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        System.setOut(System.err); // whatever a library prints must not be read as protocol
        int nodes = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        Path dir = args.length > 1 ? Files.createDirectories(Path.of(args[1]))
                : Files.createTempDirectory("novelty-solr-cloud");
        MiniSolrCloudCluster.Builder builder = new MiniSolrCloudCluster.Builder(nodes, dir);
        if (args.length > 2 && !args[2].equals("-")) {
            builder.withSecurityJson(Files.readString(Path.of(args[2])));
        }
        if (args.length > 3) {
            String keyStore = Path.of(args[3]).toAbsolutePath().toString();
            String password = System.getenv(KEYSTORE_PASSWORD);
            // the nodes' own requests to each other (Solr's HTTP clients read the JVM's trust store settings)
            System.setProperty("javax.net.ssl.trustStore", keyStore);
            System.setProperty("javax.net.ssl.trustStorePassword", password);
            System.setProperty("javax.net.ssl.trustStoreType", "PKCS12");
            // JettySolrRunner builds a TLS connector only in its test mode (Solr 9.10)
            System.setProperty("jetty.testMode", "true");
            // TLS only: MiniSolrCloudCluster then sets the cluster property urlScheme=https
            builder.withJettyConfig(jetty -> jetty
                    .withSSLConfig(new SSLConfig(true, false, keyStore, password, keyStore, password)));
        }
        MiniSolrCloudCluster cluster = builder.configure();
        try {
            List<JettySolrRunner> runners = List.copyOf(cluster.getJettySolrRunners());
            protocol.println("zk " + cluster.getZkServer().getZkAddress());
            protocol.println("solr " + runners.stream().map(r -> r.getBaseUrl().toString())
                    .collect(Collectors.joining(" ")));
            protocol.println("ready");
            serve(cluster, runners, protocol);
        } finally {
            cluster.shutdown();
        }
    }

    private static void serve(MiniSolrCloudCluster cluster, List<JettySolrRunner> runners, PrintStream protocol)
            throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null && !line.strip().equals("quit"); line = in.readLine()) {
            String[] words = line.strip().split("\\s+");
            int node = words.length == 2 && words[1].matches("\\d+") ? Integer.parseInt(words[1]) : -1;
            if (node < 0 || node >= runners.size()) {
                protocol.println("error expected 'stop I', 'start I' or 'quit' with I in [0, " + runners.size()
                        + "), got '" + line + "'");
                continue;
            }
            try {
                protocol.println(carryOut(cluster, runners.get(node), node, words[0]));
            } catch (Exception e) {
                // answered at once, the cluster kept running (waitForJettyToStop gives up after 15 s, the start's
                // waits after 60 s): before, the exception ended this loop and the cluster shut down without an
                // answer, and the test waited 120 s for one (docs/scale.md, Rolling restart)
                e.printStackTrace();
                protocol.println("error " + line.strip() + ": " + e);
            }
        }
    }

    private static String carryOut(MiniSolrCloudCluster cluster, JettySolrRunner runner, int node, String command)
            throws Exception {
        switch (command) {
            case "stop" -> {
                cluster.stopJettySolrRunner(runner);
                cluster.waitForJettyToStop(runner);
                return "stopped " + node;
            }
            case "start" -> {
                cluster.startJettySolrRunner(runner, true);
                cluster.waitForNode(runner, NODE_START_TIMEOUT);
                // a replica recovering on the restarted node cannot answer yet: stopping the next node before it is
                // active would leave its shard without an active replica (docs/scale.md, Rolling restart)
                for (String collection : cluster.getSolrClient().getClusterState().getCollectionNames()) {
                    cluster.waitForActiveCollection(collection, NODE_START_TIMEOUT, TimeUnit.SECONDS);
                }
                return "started " + node + " " + runner.getBaseUrl();
            }
            default -> {
                return "error unknown command '" + command + "'";
            }
        }
    }
}
