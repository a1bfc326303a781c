package io.noveltylens.solr;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.impl.CloudHttp2SolrClient;
import org.apache.solr.client.solrj.impl.CloudSolrClient;
import org.apache.solr.client.solrj.impl.Http2SolrClient;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;

import io.noveltylens.core.NoveltyException;
import io.noveltylens.core.NoveltyException.Kind;

/**
 * Where a corpus collection lives: the base URLs of some of its SolrCloud nodes (the client learns the rest of the
 * cluster from them) or its ZooKeeper ensemble, and the collection's name.
 *
 * @param solrUrls base URLs such as {@code http://host:8983/solr}; empty when {@code zkHosts} is given
 * @param zkHosts  ZooKeeper {@code host:port} entries; empty when {@code solrUrls} is given
 * @param zkChroot Solr's root node in ZooKeeper (often {@code /solr}), or null
 * @param security credentials and trust store for a secured cluster ({@link SolrSecurity#NONE} for an open one)
 */
public record SolrAddress(List<String> solrUrls, List<String> zkHosts, String zkChroot, String collection,
        SolrSecurity security) {

    public SolrAddress {
        solrUrls = List.copyOf(solrUrls);
        zkHosts = List.copyOf(zkHosts);
        security = security == null ? SolrSecurity.NONE : security;
    }

    /**
     * From the command line's {@code --solr URL[,URL...]} or {@code --zk HOST:PORT[,HOST:PORT...][/CHROOT]} (exactly
     * one of them non-null) and {@code --collection NAME}.
     */
    public static SolrAddress parse(String solrUrls, String zk, String collection) throws NoveltyException {
        if ((solrUrls == null) == (zk == null)) {
            throw new NoveltyException(Kind.BAD_INPUT, "Give either --solr with Solr base URLs (http://HOST:8983/solr, "
                    + "comma-separated) or --zk with the ZooKeeper hosts (HOST:2181[/solr]), not both or neither.");
        }
        if (collection == null || !collection.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            throw new NoveltyException(Kind.BAD_INPUT, "Give the collection with --collection NAME (letters, digits, "
                    + "'.', '_' and '-'), not '" + collection + "'.");
        }
        if (solrUrls != null) {
            List<String> urls = split(solrUrls);
            if (urls.isEmpty()) {
                throw new NoveltyException(Kind.BAD_INPUT, "--solr is empty: give the base URL of at least one node, "
                        + "http://HOST:8983/solr.");
            }
            for (String url : urls) {
                if (!url.startsWith("http://") && !url.startsWith("https://")) {
                    throw new NoveltyException(Kind.BAD_INPUT, "--solr takes Solr base URLs such as "
                            + "http://HOST:8983/solr, not '" + url + "'.");
                }
            }
            return new SolrAddress(urls, List.of(), null, collection, SolrSecurity.NONE);
        }
        int slash = zk.indexOf('/');
        List<String> hosts = split(slash < 0 ? zk : zk.substring(0, slash));
        if (hosts.isEmpty()) {
            throw new NoveltyException(Kind.BAD_INPUT, "--zk has no host: give the ZooKeeper ensemble as "
                    + "HOST:2181[,HOST:2181...][/solr].");
        }
        return new SolrAddress(List.of(), hosts, slash < 0 ? null : zk.substring(slash), collection,
                SolrSecurity.NONE);
    }

    private static List<String> split(String list) {
        return Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** The same collection, reached with these credentials and trust store. */
    public SolrAddress withSecurity(SolrSecurity given) {
        return new SolrAddress(solrUrls, zkHosts, zkChroot, collection, given);
    }

    /**
     * A client that routes updates to shard leaders and queries to live replicas, following the cluster state (so a
     * stopped node is skipped). CloudHttp2SolrClient is SolrJ 9's only cluster-aware client; its HTTP transport is
     * Jetty's client (HttpJdkSolrClient cannot back it before Solr 10). The client that reads the cluster state from
     * the nodes (with --solr) is made from the same builder, so it carries the same credentials and trust store.
     */
    CloudSolrClient connect() throws NoveltyException {
        Http2SolrClient.Builder http = new Http2SolrClient.Builder()
                .withConnectionTimeout(10, TimeUnit.SECONDS)
                .withRequestTimeout(120, TimeUnit.SECONDS);
        security.configure(http, solrUrls.stream().anyMatch(url -> url.startsWith("https://")));
        CloudHttp2SolrClient client;
        try {
            CloudHttp2SolrClient.Builder builder = solrUrls.isEmpty()
                    ? new CloudHttp2SolrClient.Builder(zkHosts, Optional.ofNullable(zkChroot))
                    : new CloudHttp2SolrClient.Builder(solrUrls);
            client = builder.withDefaultCollection(collection).withInternalClientBuilder(http).build();
        } catch (RuntimeException e) {
            throw SolrFailures.unreachable(this, e);
        }
        if (!solrUrls.isEmpty()) {
            readClusterState(client);
        }
        return client;
    }

    /**
     * SolrJ 9.10 reads the cluster state from the nodes only when first needed, and until then names the nodes with
     * http://, so that the first request to a TLS-only cluster would go out in plain text and fail; reading the live
     * nodes here first teaches it the cluster's urlScheme. When that fails, SolrJ keeps the reason to itself (a refused
     * password, an untrusted certificate): one node is then asked directly, to tell the user which.
     */
    private void readClusterState(CloudHttp2SolrClient client) throws NoveltyException {
        try {
            client.getClusterStateProvider().getLiveNodes();
        } catch (RuntimeException e) {
            Exception reason = e;
            try (Http2SolrClient node = new Http2SolrClient.Builder(solrUrls.get(0))
                    .withHttpClient(client.getHttpClient()).build()) {
                CollectionAdminRequest.getClusterStatus().process(node);
            } catch (SolrServerException | IOException | RuntimeException direct) {
                reason = direct;
            }
            try {
                client.close();
            } catch (IOException closing) {
                // nothing left to do with a client that fails to close
            }
            throw SolrFailures.unreachable(this, reason);
        }
    }

    /** The same cluster, another collection: a generation of this corpus. */
    SolrAddress withCollection(String name) {
        return new SolrAddress(solrUrls, zkHosts, zkChroot, name, security);
    }

    /** Where, for messages: "collection 'c' at http://..." */
    @Override
    public String toString() {
        return "collection '" + collection + "' at "
                + (solrUrls.isEmpty() ? String.join(",", zkHosts) + (zkChroot == null ? "" : zkChroot)
                        : String.join(",", solrUrls));
    }
}
