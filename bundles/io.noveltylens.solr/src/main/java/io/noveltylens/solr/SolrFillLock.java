package io.noveltylens.solr;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.impl.CloudSolrClient;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.common.SolrException;

import com.google.gson.JsonParseException;

import io.noveltylens.core.NoveltyException;
import io.noveltylens.core.NoveltyException.Kind;
import io.noveltylens.core.Progress;

/**
 * One fill of a corpus at a time, across machines: the fill writing generation G holds a lock kept in the cluster, an
 * alias property of the corpus ({@code novelty.fill.G}: who, since when, and its last sign of life, refreshed while it
 * runs). A fill that finds another's lock alive is refused, saying who holds it and since when; a lock whose holder has
 * shown no sign of life for the expiry (its process was killed) is broken, and its generation deleted.
 * <p>
 * The lock is written before its generation is created, so a generation without one is never a live fill of this
 * version (it is a leftover, deleted as before). Two fills that pass the check at the same moment both try to create
 * the same next generation; creating a collection is atomic in SolrCloud, so only one can: the other is refused.
 * Alias properties are read with the Collections API, so this works through Solr URLs and through ZooKeeper alike.
 */
final class SolrFillLock implements AutoCloseable {

    /** How long a lock outlives its holder's last sign of life, unless a fill is told otherwise. */
    static final Duration DEFAULT_EXPIRY = Duration.ofMinutes(5);
    private static final String PROPERTY = "novelty.fill.";

    /** What a lock says. Times in milliseconds since the epoch, so that the property is plain JSON. */
    record Holder(String owner, long since, long alive) {

        boolean expired(Instant now, Duration expiry) {
            return now.toEpochMilli() - alive > expiry.toMillis();
        }
    }

    private final CloudSolrClient client;
    private final String corpus;
    private final String generation;
    private final Holder holder;
    private final ScheduledExecutorService heartbeat;
    /** False once another fill created this lock's generation first: the lock then belongs to that fill. */
    private volatile boolean owned = true;

    private SolrFillLock(CloudSolrClient client, String corpus, String generation, Holder holder, Duration expiry) {
        this.client = client;
        this.corpus = corpus;
        this.generation = generation;
        this.holder = holder;
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "solr-fill-lock");
            thread.setDaemon(true);
            return thread;
        });
        long period = Math.max(1, expiry.toMillis() / 4);
        heartbeat.scheduleAtFixedRate(this::refresh, period, period, TimeUnit.MILLISECONDS);
    }

    /**
     * Takes the lock for the generation after {@code current}: refuses when another fill holds a live lock, deletes
     * the generations of dead fills (expired locks, or none), writes this fill's lock and starts refreshing it.
     */
    static SolrFillLock take(CloudSolrClient client, SolrAddress address, String current, Duration expiry,
            Progress progress) throws NoveltyException, SolrServerException, IOException {
        String corpus = address.collection();
        Map<String, String> properties = SolrCollections.aliasProperties(client, corpus);
        Instant now = Instant.now();
        for (String leftover : SolrCollections.leftovers(client, corpus, current)) {
            if (SolrRetiredGenerations.isRetired(properties, leftover)) {
                continue; // replaced by a finished fill: kept for its grace period, then deleted by a fill
            }
            Holder other = holder(properties.get(PROPERTY + leftover));
            if (other != null && !other.expired(now, expiry)) {
                throw held(address, leftover, other, expiry);
            }
            progress.subTask("Deleting " + leftover + ", left by a fill that did not finish"
                    + (other == null ? "" : " (" + other.owner() + ", silent since " + Instant.ofEpochMilli(
                            other.alive()) + ")"));
            SolrCollections.delete(client, leftover);
            clear(client, corpus, leftover);
        }
        String next = SolrCollections.next(corpus, current);
        Holder mine = new Holder(owner(address), now.toEpochMilli(), now.toEpochMilli());
        write(client, corpus, next, mine);
        return new SolrFillLock(client, corpus, next, mine, expiry);
    }

    /** The generation this lock lets its fill write. */
    String generation() {
        return generation;
    }

    /** The refusal a fill gets when creating this lock's generation fails because another fill created it first. */
    NoveltyException lostTheRace(SolrAddress address, Duration expiry) {
        owned = false;
        heartbeat.shutdownNow();
        try {
            Holder other = holder(SolrCollections.aliasProperties(client, corpus).get(PROPERTY + generation));
            if (other != null && !other.equals(holder)) {
                return held(address, generation, other, expiry);
            }
        } catch (SolrServerException | IOException | SolrException e) {
            // the refusal below says enough
        }
        return new NoveltyException(Kind.INDEX, "Another fill of the corpus '" + corpus + "' started at the same "
                + "moment and created " + generation + " first. Run one fill of a corpus at a time.");
    }

    private static NoveltyException held(SolrAddress address, String generation, Holder other, Duration expiry) {
        return new NoveltyException(Kind.INDEX, "The corpus in the " + address + " is being filled by "
                + other.owner() + " since " + Instant.ofEpochMilli(other.since()) + " (into " + generation
                + "; last sign of life " + Instant.ofEpochMilli(other.alive()) + "). Run one fill of a corpus at a "
                + "time: wait until that one ends. If its process was killed, its lock expires "
                + expiry.toMinutes() + " min after its last sign of life and the next fill deletes what it left.");
    }

    /** Keeps the lock alive; a refresh that fails is tried again at the next tick, well before the lock expires. */
    private void refresh() {
        if (!owned) {
            return;
        }
        try {
            write(client, corpus, generation, new Holder(holder.owner(), holder.since(), Instant.now().toEpochMilli()));
        } catch (SolrServerException | IOException | RuntimeException e) {
            // the next tick tries again
        }
    }

    /** Stops refreshing and removes the lock (a lock left by a failure here expires by itself). */
    @Override
    public void close() {
        heartbeat.shutdownNow();
        try {
            heartbeat.awaitTermination(10, TimeUnit.SECONDS);
            if (owned) {
                clear(client, corpus, generation);
            }
        } catch (SolrServerException | IOException | RuntimeException e) {
            // expires by itself
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Holder holder(String json) {
        if (json == null || json.isBlank()) {
            return null;
        }
        try {
            return SolrFields.GSON.fromJson(json, Holder.class);
        } catch (JsonParseException e) {
            return null; // not ours to understand: treated as no lock
        }
    }

    private static void write(CloudSolrClient client, String corpus, String generation, Holder holder)
            throws SolrServerException, IOException {
        CollectionAdminRequest.setAliasProperty(corpus).addProperty(PROPERTY + generation,
                SolrFields.GSON.toJson(holder)).process(client);
    }

    /** An empty value removes an alias property. */
    private static void clear(CloudSolrClient client, String corpus, String generation)
            throws SolrServerException, IOException {
        CollectionAdminRequest.setAliasProperty(corpus).addProperty(PROPERTY + generation, "").process(client);
    }

    /** Who fills: the operating system's user and host and the process, and the Solr user if there is one. */
    private static String owner(SolrAddress address) {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown host";
        }
        String solrUser = address.security().user();
        return System.getProperty("user.name") + "@" + host + " (process " + ProcessHandle.current().pid()
                + (solrUser == null ? "" : ", Solr user '" + solrUser + "'") + ")";
    }
}
