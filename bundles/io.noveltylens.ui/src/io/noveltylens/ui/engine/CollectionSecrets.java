package io.noveltylens.ui.engine;

import org.eclipse.equinox.security.storage.ISecurePreferences;
import org.eclipse.equinox.security.storage.SecurePreferencesFactory;
import org.eclipse.equinox.security.storage.StorageException;
import org.eclipse.osgi.util.NLS;

import io.noveltylens.core.NoveltyException;
import io.noveltylens.ui.Messages;

/**
 * The SolrCloud passwords of the preference page (the user's and the trust store's), kept encrypted in Eclipse Secure
 * Storage, where the IDE keeps its other passwords (Git, update sites), and never in a preference file: preference
 * files are plain text in the workspace or the installation, and end up in backups and bug reports.
 */
public final class CollectionSecrets {

    /** The node under the storage's root, named after the bundle as Secure Storage asks. */
    static final String NODE = "io.noveltylens.ui/solr"; //$NON-NLS-1$
    private static final String PASSWORD = "password"; //$NON-NLS-1$
    private static final String TRUST_STORE_PASSWORD = "trustStorePassword"; //$NON-NLS-1$

    private final ISecurePreferences root;

    /** Over {@code root}: the IDE's default storage, or one a test opens on a file of its own. */
    public CollectionSecrets(ISecurePreferences root) {
        this.root = root;
    }

    /** Over the IDE's default Secure Storage (null when the platform cannot open it; reads then fail with a message). */
    public static CollectionSecrets installed() {
        return new CollectionSecrets(SecurePreferencesFactory.getDefault());
    }

    /** The user's password, empty when none is stored. */
    public String password() throws NoveltyException {
        return read(PASSWORD);
    }

    /** The trust store's password, empty when none is stored. */
    public String trustStorePassword() throws NoveltyException {
        return read(TRUST_STORE_PASSWORD);
    }

    /** Stores both passwords encrypted (an empty one is removed) and writes the storage to disk. */
    public void store(String password, String trustStorePassword) throws NoveltyException {
        try {
            ISecurePreferences node = node();
            put(node, PASSWORD, password);
            put(node, TRUST_STORE_PASSWORD, trustStorePassword);
            node.flush();
        } catch (StorageException | java.io.IOException e) {
            throw unavailable(e);
        }
    }

    private static void put(ISecurePreferences node, String key, String value) throws StorageException {
        if (value.isEmpty()) {
            node.remove(key);
        } else {
            node.put(key, value, true);
        }
    }

    private String read(String key) throws NoveltyException {
        try {
            return node().get(key, ""); //$NON-NLS-1$
        } catch (StorageException e) {
            throw unavailable(e);
        }
    }

    private ISecurePreferences node() throws NoveltyException {
        if (root == null) {
            throw unavailable(null);
        }
        return root.node(NODE);
    }

    /** Says what failed, never what was being stored. */
    private static NoveltyException unavailable(Exception cause) {
        String reason = cause == null || cause.getMessage() == null ? Messages.CollectionSecrets_noStorage
                : cause.getMessage().replaceAll("\\.+$", ""); //$NON-NLS-1$ //$NON-NLS-2$
        return new NoveltyException(NoveltyException.Kind.IO, NLS.bind(Messages.CollectionSecrets_unavailable, reason),
                cause);
    }
}
