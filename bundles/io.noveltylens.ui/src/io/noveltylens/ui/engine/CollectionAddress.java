package io.noveltylens.ui.engine;

import org.eclipse.osgi.util.NLS;

import io.noveltylens.core.NoveltyException;
import io.noveltylens.solr.SolrAddress;
import io.noveltylens.ui.Messages;

/**
 * Reads the preference page's two SolrCloud fields: one address field that takes either the base URLs of some
 * nodes (they start with http:// or https://) or the ZooKeeper ensemble, as the command line's --solr and --zk do,
 * and the collection's name. Its messages speak of the page's fields, not of command-line options.
 */
final class CollectionAddress {

    private CollectionAddress() {
    }

    static SolrAddress parse(String address, String collection) throws NoveltyException {
        String where = address.strip();
        String name = collection.strip();
        if (where.isEmpty()) {
            throw new NoveltyException(NoveltyException.Kind.INDEX, Messages.CollectionAddress_addressMissing);
        }
        if (name.isEmpty()) {
            throw new NoveltyException(NoveltyException.Kind.INDEX, Messages.CollectionAddress_collectionMissing);
        }
        boolean urls = where.startsWith("http://") || where.startsWith("https://"); //$NON-NLS-1$ //$NON-NLS-2$
        try {
            return SolrAddress.parse(urls ? where : null, urls ? null : where, name);
        } catch (NoveltyException e) {
            throw new NoveltyException(NoveltyException.Kind.INDEX,
                    NLS.bind(Messages.CollectionAddress_invalid, where, name), e);
        }
    }
}
