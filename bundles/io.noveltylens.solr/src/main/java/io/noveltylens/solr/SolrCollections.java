package io.noveltylens.solr;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.impl.CloudSolrClient;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.client.solrj.request.ConfigSetAdminRequest;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.cloud.DocCollection;
import org.apache.solr.common.util.ContentStreamBase;

import io.noveltylens.core.NoveltyException;
import io.noveltylens.core.NoveltyException.Kind;

/**
 * The collections behind a corpus. The name users give ("books") is an alias for one generation, a collection named
 * "books.g3", which queries read. A fill writes the next generation beside it and moves the alias only once that
 * generation is complete: moving an alias is one atomic update in ZooKeeper, so clients see the old corpus or the new
 * one, never a mix, and a fill that fails or is cancelled leaves the old generation in use.
 */
public final class SolrCollections {

    private static final String GENERATION = ".g";

    /** How the current generation is laid out; the next one is created the same. */
    record Shape(int shards, int replicas) {
    }

    private SolrCollections() {
    }

    /**
     * Creates the corpus: generation 1, empty, with {@code shards} shards of {@code replicas} replicas each for vectors
     * of {@code dimension}, and the alias to it; returns once every replica is active.
     */
    public static void create(SolrAddress address, int dimension, int shards, int replicas) throws NoveltyException {
        try (CloudSolrClient client = address.connect()) {
            String corpus = address.collection();
            if (aliases(client).containsKey(corpus)
                    || CollectionAdminRequest.listCollections(client).contains(corpus)) {
                throw new NoveltyException(Kind.BAD_INPUT, "The " + address + " exists already. Fill it with "
                        + "'novelty index --collection " + corpus
                        + "', or choose another name (or delete it with Solr's Collections API first).");
            }
            String first = generation(corpus, 1);
            createGeneration(client, first, dimension, new Shape(shards, replicas));
            point(client, corpus, first);
        } catch (SolrServerException | IOException | SolrException e) {
            throw SolrFailures.failed("Creating the collection", address, e);
        }
    }

    /**
     * The generation the corpus's alias points to.
     *
     * @throws NoveltyException when the cluster cannot be reached, there is no such corpus, or it is a plain collection
     *             (made before fills were atomic), which cannot be replaced atomically
     */
    static String current(CloudSolrClient client, SolrAddress address)
            throws NoveltyException, SolrServerException, IOException {
        Map<String, String> aliases;
        try {
            aliases = aliases(client);
        } catch (SolrException e) {
            throw e;
        } catch (RuntimeException e) {
            // the first request to the cluster: SolrJ reports unreachable nodes with a plain RuntimeException
            throw SolrFailures.unreachable(address, e);
        }
        String target = aliases.get(address.collection());
        if (target != null) {
            return target;
        }
        if (CollectionAdminRequest.listCollections(client).contains(address.collection())) {
            throw new NoveltyException(Kind.INDEX, "The " + address + " is a plain collection, made by an older "
                    + "Novelty Lens; a fill replaces a corpus by moving an alias, so that queries never see half of "
                    + "one. Delete it (Solr's Collections API) and create it again with 'novelty solr create'.");
        }
        throw SolrFailures.missingCollection(address);
    }

    /** The name of generation {@code number} of {@code corpus}. */
    static String generation(String corpus, int number) {
        return corpus + GENERATION + number;
    }

    /** The corpus a generation's name belongs to ("books" for "books.g3"), or null for another name. */
    static String corpusOf(String collection) {
        int at = collection.lastIndexOf(GENERATION);
        if (at <= 0 || at + GENERATION.length() == collection.length()) {
            return null;
        }
        for (int i = at + GENERATION.length(); i < collection.length(); i++) {
            if (!Character.isDigit(collection.charAt(i))) {
                return null;
            }
        }
        return collection.substring(0, at);
    }

    /** The generation after {@code current}: "books.g4" after "books.g3"; after a collection of another name, g2. */
    static String next(String corpus, String current) {
        int number = corpus.equals(corpusOf(current))
                ? Integer.parseInt(current.substring(corpus.length() + GENERATION.length()))
                : 1;
        return generation(corpus, number + 1);
    }

    /** Collections of earlier fills that never became current: killed, or failed before they could be deleted. */
    static List<String> leftovers(CloudSolrClient client, String corpus, String current)
            throws SolrServerException, IOException {
        return CollectionAdminRequest.listCollections(client).stream()
                .filter(name -> name.startsWith(corpus + GENERATION) && !name.equals(current)).toList();
    }

    static Shape shape(CloudSolrClient client, String collection) throws IOException {
        DocCollection state = client.getClusterStateProvider().getCollection(collection);
        return new Shape(state.getSlices().size(), state.getSlices().iterator().next().getReplicas().size());
    }

    /** Uploads the shipped configset (so every generation has the current schema) and creates the collection. */
    static void createGeneration(CloudSolrClient client, String collection, int dimension, Shape shape)
            throws SolrServerException, IOException {
        ContentStreamBase.ByteArrayStream configSet = new ContentStreamBase.ByteArrayStream(SolrConfigSet.zip(),
                SolrConfigSet.NAME + ".zip", "application/zip");
        new ConfigSetAdminRequest.Upload().setConfigSetName(SolrConfigSet.NAME).setOverwrite(true)
                .setUploadStream(configSet).process(client);
        CollectionAdminRequest.Create create = CollectionAdminRequest
                .createCollection(collection, SolrConfigSet.NAME, shape.shards(), shape.replicas())
                .withProperty(SolrConfigSet.DIMENSION_PROPERTY, Integer.toString(dimension));
        create.setWaitForFinalState(true);
        create.process(client);
    }

    /** Points the corpus's alias at {@code collection}, creating the alias or replacing its target atomically. */
    static void point(CloudSolrClient client, String corpus, String collection)
            throws SolrServerException, IOException {
        CollectionAdminRequest.createAlias(corpus, collection).process(client);
    }

    static void delete(CloudSolrClient client, String collection) throws SolrServerException, IOException {
        CollectionAdminRequest.deleteCollection(collection).process(client);
    }

    /** The properties of the corpus's alias (fill locks, retired generations). */
    static Map<String, String> aliasProperties(CloudSolrClient client, String corpus)
            throws SolrServerException, IOException {
        return new CollectionAdminRequest.ListAliases().process(client).getAliasProperties()
                .getOrDefault(corpus, Map.of());
    }

    private static Map<String, String> aliases(CloudSolrClient client) throws SolrServerException, IOException {
        return new CollectionAdminRequest.ListAliases().process(client).getAliases();
    }
}
