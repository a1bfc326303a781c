package io.noveltylens.ui.engine;

import java.nio.file.Path;

import org.eclipse.jface.preference.IPreferenceStore;
import org.eclipse.osgi.util.NLS;

import io.noveltylens.core.NoveltyException;
import io.noveltylens.solr.SolrAddress;
import io.noveltylens.solr.SolrSecurity;
import io.noveltylens.ui.Messages;
import io.noveltylens.ui.NoveltyLensPreferences;

/**
 * Reads the preference page's SolrCloud fields: one address field that takes either the base URLs of some nodes (they
 * start with http:// or https://) or the ZooKeeper ensemble, as the command line's --solr and --zk do, the
 * collection's name, and for a secured cluster the user and the trust store, whose passwords come from Secure Storage
 * ({@link CollectionSecrets}). Its messages speak of the page's fields, not of command-line options.
 */
final class CollectionAddress {

    private CollectionAddress() {
    }

    /**
     * The collection {@code settings} name (the stored preferences, or the page's fields as typed), reached with
     * {@code password} and {@code trustStorePassword} (empty when none).
     */
    static SolrAddress parse(IPreferenceStore settings, String password, String trustStorePassword)
            throws NoveltyException {
        SolrAddress address = parse(settings.getString(NoveltyLensPreferences.SOLR_ADDRESS),
                settings.getString(NoveltyLensPreferences.SOLR_COLLECTION));
        String user = settings.getString(NoveltyLensPreferences.SOLR_USER).strip();
        if (!user.isEmpty() && password.isEmpty()) {
            throw new NoveltyException(NoveltyException.Kind.INDEX,
                    NLS.bind(Messages.CollectionAddress_passwordMissing, user));
        }
        String trustStore = settings.getString(NoveltyLensPreferences.SOLR_TRUST_STORE).strip();
        return address.withSecurity(new SolrSecurity(user.isEmpty() ? null : user, user.isEmpty() ? null : password,
                trustStore.isEmpty() ? null : Path.of(trustStore),
                trustStorePassword.isEmpty() ? null : trustStorePassword));
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
