package io.noveltylens.solr;

import java.io.IOException;

import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.impl.CloudSolrClient;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.client.solrj.request.ConfigSetAdminRequest;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.util.ContentStreamBase;

import io.noveltylens.core.NoveltyException;
import io.noveltylens.core.NoveltyException.Kind;

/** Creates the collections a corpus is indexed into. */
public final class SolrCollections {

    private SolrCollections() {
    }

    /**
     * Uploads the shipped configset and creates the collection with {@code shards} shards of {@code replicas}
     * replicas each for vectors of {@code dimension}, returning once every replica is active.
     */
    public static void create(SolrAddress address, int dimension, int shards, int replicas) throws NoveltyException {
        try (CloudSolrClient client = address.connect()) {
            if (CollectionAdminRequest.listCollections(client).contains(address.collection())) {
                throw new NoveltyException(Kind.BAD_INPUT, "The " + address + " exists already. Index into it " //$NON-NLS-1$ //$NON-NLS-2$
                        + "with 'novelty index --collection " + address.collection() //$NON-NLS-1$
                        + "', or choose another name (or delete it with Solr's Collections API first)."); //$NON-NLS-1$
            }
            ContentStreamBase.ByteArrayStream configSet = new ContentStreamBase.ByteArrayStream(SolrConfigSet.zip(),
                    SolrConfigSet.NAME + ".zip", "application/zip"); //$NON-NLS-1$ //$NON-NLS-2$
            new ConfigSetAdminRequest.Upload().setConfigSetName(SolrConfigSet.NAME).setOverwrite(true)
                    .setUploadStream(configSet).process(client);
            CollectionAdminRequest.Create create = CollectionAdminRequest
                    .createCollection(address.collection(), SolrConfigSet.NAME, shards, replicas)
                    .withProperty(SolrConfigSet.DIMENSION_PROPERTY, Integer.toString(dimension));
            create.setWaitForFinalState(true);
            create.process(client);
        } catch (SolrServerException | IOException | SolrException e) {
            throw SolrFailures.failed("Creating the collection", address, e); //$NON-NLS-1$
        }
    }
}
