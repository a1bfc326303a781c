package io.noveltylens.ui.engine;

import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.jface.preference.IPreferenceStore;

import io.noveltylens.core.NoveltyException;
import io.noveltylens.core.embed.ModelDescriptor;
import io.noveltylens.core.embed.ModelFingerprint;
import io.noveltylens.core.index.IndexMetadata;
import io.noveltylens.solr.SolrAddress;
import io.noveltylens.solr.SolrCorpusIndex;
import io.noveltylens.ui.Messages;

/**
 * Tries a SolrCloud collection before the preference page stores it: connects, opens the collection and checks that
 * it was filled with the model the page chooses (its fingerprint: model id and file hashes), exactly as the engine
 * will on load, so that a wrong address, a missing or half-filled collection or another model shows up on Apply.
 */
public final class CollectionCheck extends SettingsCheck {

    private final IPreferenceStore settings;
    private final EngineConfigFactory configs;
    private final String password;
    private final String trustStorePassword;
    private IndexMetadata collection;

    /**
     * {@code settings}: the page's model and corpus fields as typed, not yet stored; the passwords as typed too (empty
     * when none), stored in Secure Storage only once the check passed.
     */
    public CollectionCheck(IPreferenceStore settings, EngineConfigFactory configs, String password,
            String trustStorePassword) {
        super(Messages.CollectionCheck_task, 3);
        this.settings = settings;
        this.configs = configs;
        this.password = password;
        this.trustStorePassword = trustStorePassword;
    }

    @Override
    protected void check(SubMonitor progress) throws NoveltyException {
        SolrAddress address = CollectionAddress.parse(settings, password, trustStorePassword);
        ModelDescriptor model = ModelDescriptor.load(configs.modelDir(settings, configs.modelCheckDir()),
                configs.cacheDir());
        progress.worked(1);
        ModelFingerprint fingerprint = ModelFingerprint.of(model);
        progress.worked(1);
        try (SolrCorpusIndex index = SolrCorpusIndex.open(address, fingerprint, model.dimension())) {
            collection = index.metadata();
        }
        progress.worked(1);
    }

    /** What the collection holds, once the check passed. */
    public IndexMetadata collection() {
        return collection;
    }
}
